import type { PolarityCase } from './polarity-cases.js';

/**
 * The first held-out cases for issue 28, written by someone who had not read the scorer, the phrase
 * grammar or the tuning cases. They were blind for the first measurement (nDCG@10 0.841 before the
 * phrase reading, 0.865 after); since then their failures have been read and the grammar and job
 * words widened with them in view, so they are a second tuning set now, not a measure of how the
 * reading generalises. That measure is the blind set in `polarity-held-out-2.ts`, which `npm run eval`
 * reports as "held-out (blind, second)" when it is there. Each case is what a job coach would expect:
 * `firstPick` above `other`, even though every `other` is placed nearer to the young person.
 */
export const polarityHeldOutCases: PolarityCase[] = [
  // ruled_out: the young person says, in their own words, what they do not want.
  {
    cause: 'ruled_out',
    sector: 'hospitality_catering',
    said: { jobsWanted: "I'd like to work in a cafe as long as I don't have to do the till" },
    firstPick: {
      title: 'Cafe Assistant',
      tasks: ['Make sandwiches', 'Wash up cups', 'Clear tables'],
    },
    other: {
      title: 'Cafe Assistant',
      tasks: ['Take customer payments', 'Operate the cash register', 'Clear tables'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'retail',
    said: { jobsWanted: 'anything in a shop except phones. i hate phones', tasksLiked: ['tidying'] },
    firstPick: {
      title: 'Sales Floor Assistant',
      tasks: ['Tidy displays', 'Price new stock', 'Help shoppers find items'],
    },
    other: {
      title: 'Customer Service Assistant',
      tasks: ['Answer customer calls', 'Take telephone orders', 'Tidy displays'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'healthcare_support',
    said: {
      jobsWanted: 'Helping in a care home. Just not the personal care like washing people',
    },
    firstPick: {
      title: 'Activities Assistant',
      tasks: ['Run games and crafts', 'Chat with residents', 'Serve hot drinks'],
    },
    other: {
      title: 'Care Assistant',
      tasks: ['Support residents with bathing', 'Help with toileting', 'Serve hot drinks'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'logistics_warehouse',
    said: {
      jobsWanted: 'warehouse, picking and packing. no heavy lifting cos of my back',
      tasksLiked: ['packing'],
    },
    firstPick: {
      title: 'Packing Assistant',
      tasks: ['Pick small items', 'Pack parcels', 'Print address labels'],
    },
    other: {
      title: 'Warehouse Operative',
      tasks: ['Pick and pack orders', 'Lift boxes up to 25kg', 'Load delivery vans'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'horticulture',
    said: {
      jobsWanted: 'Gardening is good. Never the strimmer or the mower, the noise hurts my ears',
    },
    firstPick: {
      title: "Gardener's Assistant",
      tasks: ['Weed flower beds', 'Plant bulbs', 'Rake leaves'],
    },
    other: {
      title: "Gardener's Assistant",
      tasks: ['Operate grass cutting machinery', 'Edge lawns with power tools', 'Rake leaves'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'administration',
    said: {
      jobsWanted:
        "I'm OK with filing and scanning, just not being on the front desk meeting people, it makes me anxious",
    },
    firstPick: {
      title: 'Office Assistant',
      tasks: ['Scan documents', 'File paperwork', 'Sort post'],
    },
    other: {
      title: 'Office Assistant',
      tasks: ['Greet visitors at reception', 'Sign in guests', 'Sort post'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'facilities',
    said: { jobsWanted: 'cleaning is fine but I wont do toilets' },
    firstPick: {
      title: 'Office Cleaner',
      tasks: ['Vacuum offices', 'Empty bins', 'Wipe down desks'],
    },
    other: {
      title: 'Cleaning Operative',
      tasks: ['Clean washrooms', 'Restock hand towels', 'Mop floors'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'leisure',
    said: {
      jobsWanted: "Leisure centre would be good. Nothing near the swimming pool though, I can't swim",
    },
    firstPick: {
      title: 'Gym Floor Assistant',
      tasks: ['Wipe down gym equipment', 'Re-rack weights', 'Greet members'],
    },
    other: {
      title: 'Leisure Assistant',
      tasks: ['Set out lane ropes poolside', 'Check changing rooms', 'Greet members'],
    },
  },

  // disliked_concepts: a disliked task in the young person's words, the employer's words differ.
  {
    cause: 'disliked_concepts',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'kitchen work', tasksDisliked: ['washing up'] },
    firstPick: {
      title: 'Kitchen Assistant',
      tasks: ['Prep vegetables', 'Make sandwiches', 'Label food'],
    },
    other: {
      title: 'Kitchen Assistant',
      tasks: ['Run the dishwasher', 'Scrub pots and pans', 'Prep vegetables'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'retail',
    said: { jobsWanted: 'Working in a shop', tasksDisliked: ['talking to customers'] },
    firstPick: {
      title: 'Stockroom Assistant',
      tasks: ['Unpack deliveries', 'Fill shelves', 'Check use-by dates'],
    },
    other: {
      title: 'Retail Assistant',
      tasks: ['Greet shoppers', 'Answer questions on shop floor', 'Fill shelves'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'healthcare_support',
    said: { jobsWanted: 'at the doctors or a clinic', tasksDisliked: ['needles'] },
    firstPick: {
      title: 'Clinic Support Assistant',
      tasks: ['Set up clinic rooms', 'Restock supplies', 'Take notes to wards'],
    },
    other: {
      title: 'Clinic Support Assistant',
      tasks: ['Dispose of used sharps', 'Set up clinic rooms', 'Restock supplies'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'administration',
    said: { jobsWanted: 'office job', tasksLiked: ['sorting post'], tasksDisliked: ['typing'] },
    firstPick: {
      title: 'Admin Assistant',
      tasks: ['Sort post', 'Photocopy documents', 'Shred confidential waste'],
    },
    other: {
      title: 'Admin Assistant',
      tasks: ['Sort post', 'Data entry', 'Update spreadsheets'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'logistics_warehouse',
    said: { jobsWanted: 'Warehouse', tasksDisliked: ['being really cold'] },
    firstPick: {
      title: 'Warehouse Operative',
      tasks: ['Pick orders', 'Stack pallets', 'Scan barcodes'],
    },
    other: {
      title: 'Warehouse Operative',
      tasks: ['Pick frozen goods', 'Work in freezer store', 'Stack pallets'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'horticulture',
    said: {
      jobsWanted: 'outside with plants',
      tasksLiked: ['watering'],
      tasksDisliked: ['digging'],
    },
    firstPick: {
      title: 'Garden Assistant',
      tasks: ['Water plants', 'Deadhead flowers', 'Sweep paths'],
    },
    other: {
      title: 'Garden Assistant',
      tasks: ['Turn over soil with a spade', 'Water plants', 'Sweep paths'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'it_support',
    said: { jobsWanted: 'computers', tasksDisliked: ['talking on the phone'] },
    firstPick: {
      title: 'IT Technician Assistant',
      tasks: ['Set up laptops', 'Install software updates', 'Log IT faults'],
    },
    other: {
      title: 'IT Helpdesk Assistant',
      tasks: ['Take calls from staff', 'Log IT faults', 'Reset passwords'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'libraries',
    said: { jobsWanted: 'library', tasksDisliked: ['being around little kids, too noisy'] },
    firstPick: {
      title: 'Library Assistant',
      tasks: ['Shelve books', 'Issue and return books', 'Tidy study areas'],
    },
    other: {
      title: 'Library Assistant',
      tasks: ["Help at children's story time", 'Shelve books', 'Issue and return books'],
    },
  },

  // tried_before: past work experience or volunteering, and how it went.
  {
    cause: 'tried_before',
    sector: 'hospitality_catering',
    said: {
      jobsWanted:
        'I did work experience in my school kitchen helping the dinner ladies and I loved it. I want to do that again',
    },
    firstPick: {
      title: 'Catering Assistant',
      tasks: ['Serve lunches in canteen', 'Prepare food', 'Wipe down counters'],
    },
    other: {
      title: 'Front of House Assistant',
      tasks: ['Greet diners', 'Take table orders', 'Serve drinks at bar'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'retail',
    said: {
      jobsWanted:
        'I had a placement in a clothes shop on the tills and it went bad, I kept getting the change wrong and people tutted. I still want a shop job',
    },
    firstPick: {
      title: 'Stock Assistant',
      tasks: ['Unload deliveries', 'Fill shelves', 'Check price labels'],
    },
    other: {
      title: 'Checkout Assistant',
      tasks: ['Scan shopping', 'Handle cash payments', 'Bag items for shoppers'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'horticulture',
    said: {
      jobsWanted:
        'I volunteered at the allotment with college every Friday. I was good at growing the veg, my tutor said so',
    },
    firstPick: {
      title: 'Market Garden Assistant',
      tasks: ['Sow vegetable seeds', 'Harvest crops', 'Water polytunnels'],
    },
    other: {
      title: 'Landscaping Assistant',
      tasks: ['Lay paving slabs', 'Put up fence panels', 'Clear garden waste'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'logistics_warehouse',
    said: {
      jobsWanted:
        'did a week at a parcel depot last year. it was too loud and fast, the belt never stopped and I had a meltdown',
    },
    firstPick: {
      title: 'Goods In Assistant',
      tasks: ['Check deliveries against paperwork', 'Count stock', 'Put stock away'],
    },
    other: {
      title: 'Sortation Operative',
      tasks: ['Sort parcels from conveyor', 'Scan items at speed', 'Load roll cages'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'healthcare_support',
    said: {
      jobsWanted:
        'I volunteered on the tea trolley at the hospital and liked chatting to the patients. Something like that',
    },
    firstPick: {
      title: 'Ward Housekeeping Assistant',
      tasks: ['Serve drinks and snacks to patients', 'Take meal orders', 'Restock ward kitchen'],
    },
    other: {
      title: 'Sterile Services Assistant',
      tasks: ['Wash surgical instruments', 'Pack instrument trays', 'Check equipment'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'administration',
    said: {
      jobsWanted:
        'I did two weeks in an office doing the filing. It was so boring I nearly fell asleep. I want to be moving about more',
    },
    firstPick: {
      title: 'Post Room Assistant',
      tasks: ['Sort incoming mail', 'Deliver post around building', 'Frank outgoing letters'],
    },
    other: {
      title: 'Records Assistant',
      tasks: ['Archive paper records', 'Put files in order', 'Retrieve documents'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'leisure',
    said: {
      jobsWanted:
        "I help out at my brother's football club on Saturdays with the little ones, it's the best bit of my week",
    },
    firstPick: {
      title: 'Activity Assistant',
      tasks: ['Help run junior sports sessions', 'Set out cones and balls', 'Collect equipment'],
    },
    other: {
      title: 'Leisure Assistant',
      tasks: ['Clean changing rooms', 'Check gym equipment', 'Restock vending machines'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'it_support',
    said: {
      jobsWanted:
        'On my college placement I was on the IT help desk and people got angry at me when I could not fix it. I still like computers',
    },
    firstPick: {
      title: 'IT Equipment Technician',
      tasks: ['Wipe and rebuild laptops', 'Test old computers', 'Label equipment'],
    },
    other: {
      title: 'Service Desk Assistant',
      tasks: ['Answer user calls', 'Log support tickets', 'Reset passwords'],
    },
  },

  // titles_and_places: a named job or workplace, met by the workplace, the tasks or a rotation.
  {
    cause: 'titles_and_places',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'I want to be a chef' },
    firstPick: {
      title: 'Kitchen Assistant',
      tasks: ['Cook breakfasts', 'Prepare hot meals', 'Follow recipes'],
    },
    other: {
      title: 'Bar Assistant',
      tasks: ['Serve drinks', 'Collect glasses', 'Restock fridges'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'leisure',
    said: { jobsWanted: 'work at a gym' },
    firstPick: {
      title: 'Fitness Suite Assistant',
      tasks: ['Wipe down machines', 'Re-rack weights', 'Show members equipment'],
    },
    other: {
      title: 'Leisure Assistant',
      tasks: ['Set up sports hall', 'Put out badminton nets', 'Sell entry tickets'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'healthcare_support',
    said: { jobsWanted: 'I want to be a porter at the hospital' },
    firstPick: {
      title: 'Hospital Trainee',
      tasks: ['Work in three hospital teams', 'Follow daily checklists'],
      departments: ['Patient transport', 'Catering', 'Linen room'],
    },
    other: {
      title: 'Hospital Trainee',
      tasks: ['Work in three hospital teams', 'Follow daily checklists'],
      departments: ['Medical records', 'Pharmacy stores', 'Catering'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'libraries',
    said: { jobsWanted: 'I want to be a librarian' },
    firstPick: {
      title: 'Lending Assistant',
      tasks: ['Issue and return books', 'Shelve books', 'Help readers find books'],
    },
    other: {
      title: 'Library Events Assistant',
      tasks: ['Set up rooms for events', 'Put out chairs', 'Make posters'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'logistics_warehouse',
    said: { jobsWanted: 'Forklift driver' },
    firstPick: {
      title: 'Warehouse Operative',
      tasks: ['Operate counterbalance truck', 'Move pallets with FLT', 'Load trailers'],
    },
    other: {
      title: 'Warehouse Operative',
      tasks: ['Pick orders by hand', 'Pack boxes', 'Label parcels'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'retail',
    said: { jobsWanted: "i'd like to be a baker" },
    firstPick: {
      title: 'Supermarket Assistant',
      tasks: ['Work in a new department each term', 'Learn store routines'],
      departments: ['In-store bakery', 'Fresh produce', 'Checkouts'],
    },
    other: {
      title: 'Supermarket Assistant',
      tasks: ['Work in a new department each term', 'Learn store routines'],
      departments: ['Checkouts', 'Grocery aisles', 'Home and clothing'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'administration',
    said: { jobsWanted: 'Receptionist' },
    firstPick: {
      title: 'Front Desk Assistant',
      tasks: ['Greet visitors', 'Sign in guests', 'Answer enquiries'],
    },
    other: {
      title: 'Finance Assistant',
      tasks: ['Scan invoices', 'File receipts', 'Enter figures'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'facilities',
    said: { jobsWanted: 'I want to be a caretaker at a school' },
    firstPick: {
      title: 'Site Assistant',
      tasks: ['Do small repairs', 'Set out hall chairs', 'Grit paths in winter'],
    },
    other: {
      title: 'Cleaning Operative',
      tasks: ['Clean classrooms', 'Empty bins', 'Mop corridors'],
    },
  },
];
