import type { PolarityCase } from './polarity-cases.js';

/**
 * Second held-out polarity set. Written blind, by someone who had not read the
 * scorer, the grammar or any earlier cases. Phrasings imitate 16-24 year olds
 * with SEND (and their parents): lower case, text-speak, misspellings, run-ons,
 * outcomes in a following sentence, negation far from the thing it governs.
 */
export const polarityHeldOutCases2: PolarityCase[] = [
  // ---------------------------------------------------------------- ruled_out
  {
    cause: 'ruled_out',
    sector: 'retail',
    said: { jobsWanted: 'shop work is fine, anythin but the checkouts tho' },
    firstPick: {
      title: 'Retail Assistant',
      tasks: ['Fill shelves with stock', 'Face up products', 'Put price labels on items'],
    },
    other: {
      title: 'Checkout Assistant',
      tasks: ['Scan shopping at the checkout', 'Take card and cash payments', 'Put price labels on items'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'i like food and being in a cafe or restaurant but not kitchens theyre too hot and shouty' },
    firstPick: {
      title: 'Front of House Assistant',
      tasks: ['Set tables before service', 'Serve drinks to customers', 'Clear and wipe tables'],
    },
    other: {
      title: 'Kitchen Assistant',
      tasks: ['Prepare vegetables in the kitchen', 'Plate up meals during service', 'Clear and wipe work surfaces'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'administration',
    said: { jobsWanted: 'office job pls. no phones' },
    firstPick: { title: 'Admin Assistant', tasks: ['Scan documents', 'File letters', 'Enter data into spreadsheets'] },
    other: {
      title: 'Admin Assistant',
      tasks: ['Answer incoming calls', 'Take telephone messages', 'Enter data into spreadsheets'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'animal_care',
    said: {
      jobsWanted:
        'I want to work with animals, I love rabbits and guinea pigs and that, I dont want to be around dogs though cos I got bit when I was little',
    },
    firstPick: {
      title: 'Animal Care Assistant',
      tasks: ['Clean out rabbit hutches', 'Feed the small animals', 'Refill water bottles'],
    },
    other: { title: 'Kennel Assistant', tasks: ['Walk the dogs', 'Clean out kennels', 'Refill water bowls'] },
  },
  {
    cause: 'ruled_out',
    sector: 'logistics_warehouse',
    said: {
      jobsWanted:
        'warehouse would be good. i would rather not go up ladders or high up on anything, my balance isnt great',
    },
    firstPick: {
      title: 'Warehouse Operative',
      tasks: ['Pick orders from ground level bays', 'Pack items into boxes', 'Label parcels'],
    },
    other: {
      title: 'Warehouse Operative',
      tasks: ['Restock the top racking using a ladder', 'Pick items from high shelves', 'Label parcels'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'leisure',
    said: {
      jobsWanted:
        'gym or the swimming baths would be sick apart from anything where i have to actually get in the water',
    },
    firstPick: {
      title: 'Leisure Assistant',
      tasks: ['Wipe down gym equipment', 'Hand out towels', 'Check membership cards at the front desk'],
    },
    other: {
      title: 'Leisure Assistant',
      tasks: [
        "Help in the pool during children's swimming lessons",
        'Put out lane ropes and floats',
        'Check membership cards at the front desk',
      ],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'manufacturing',
    said: {
      jobsWanted:
        'making things in a factory sounds good, i like using my hands and putting bits together and checking stuff is right. the one thing is i cant cope with loud machines',
    },
    firstPick: {
      title: 'Assembly Operative',
      tasks: ['Assemble small parts at a bench', 'Check finished items for faults', 'Pack finished products'],
    },
    other: {
      title: 'Machine Operative',
      tasks: ['Operate a metal press', 'Load sheets into the cutting machine', 'Pack finished products'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'healthcare_support',
    said: { jobsWanted: 'He would like to help out in a hospital but nothing involving blood or needles, he faints.' },
    firstPick: {
      title: 'Ward Support Assistant',
      tasks: ['Make beds', 'Restock gloves and aprons', 'Deliver meal trays to patients'],
    },
    other: {
      title: 'Clinic Support Assistant',
      tasks: ['Label blood samples', 'Set up trays for blood tests', 'Restock gloves and aprons'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'it_support',
    said: { jobsWanted: 'anything with computers except talking to customers all day, i get really anxious on calls' },
    firstPick: {
      title: 'IT Technician Assistant',
      tasks: ['Set up new laptops', 'Install software updates', 'Label and tidy cables'],
    },
    other: {
      title: 'IT Helpdesk Assistant',
      tasks: ['Answer user queries on the helpdesk line', 'Log support tickets', 'Reset passwords for staff'],
    },
  },
  {
    cause: 'ruled_out',
    sector: 'libraries',
    said: { jobsWanted: 'lib job wd b ideal jus not the kids story time stuff i dont do well with lil ones' },
    firstPick: {
      title: 'Library Assistant',
      tasks: ['Shelve returned books', 'Process book returns', 'Tidy the shelves'],
    },
    other: {
      title: 'Library Assistant',
      tasks: ['Run storytime for toddlers', "Help with children's craft sessions", 'Tidy the shelves'],
    },
  },

  // -------------------------------------------------------- disliked_concepts
  {
    cause: 'disliked_concepts',
    sector: 'facilities',
    said: { tasksLiked: ['fixing things'], tasksDisliked: ['hoovering n mopping'] },
    firstPick: {
      title: 'Caretaker Assistant',
      tasks: ['Change light bulbs', 'Set out chairs for meetings', 'Report repairs'],
    },
    other: {
      title: 'Caretaker Assistant',
      tasks: ['Vacuum carpets in offices', 'Wash corridor floors', 'Report repairs'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'hospitality_catering',
    said: { tasksLiked: ['making sandwiches'], tasksDisliked: ['washing up', 'greasy pans'] },
    firstPick: { title: 'Kitchen Assistant', tasks: ['Prepare salads', 'Make sandwiches', 'Restock the fridge'] },
    other: { title: 'Kitchen Assistant', tasks: ['Load the dishwasher', 'Scrub pots and trays', 'Restock the fridge'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'retail',
    said: { tasksDisliked: ['talking to people i dont know'] },
    firstPick: { title: 'Stockroom Assistant', tasks: ['Unpack deliveries', 'Tidy displays', 'Put out new stock'] },
    other: {
      title: 'Shop Floor Assistant',
      tasks: ['Greet customers', 'Help customers find products', 'Tidy displays'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'horticulture',
    said: { tasksLiked: ['watering plants'], tasksDisliked: ['anything with mud', 'bending down alot'] },
    firstPick: {
      title: 'Garden Centre Assistant',
      tasks: ['Water plants in the greenhouse', 'Price plants', 'Tidy plant displays'],
    },
    other: { title: 'Grounds Maintenance Assistant', tasks: ['Weed flower beds', 'Dig over borders', 'Plant bulbs'] },
  },
  {
    cause: 'disliked_concepts',
    sector: 'administration',
    said: { tasksDisliked: ['typing loads', 'staring at a screen'] },
    firstPick: {
      title: 'Office Assistant',
      tasks: ['Sort incoming post', 'Frank outgoing letters', 'Deliver mail around the building'],
    },
    other: {
      title: 'Office Assistant',
      tasks: ['Input records on the computer', 'Key in customer details', 'Update the database'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'logistics_warehouse',
    said: { tasksDisliked: ['my back hurts if i carry big stuff'] },
    firstPick: {
      title: 'Warehouse Operative',
      tasks: ['Scan parcels', 'Print shipping labels', 'Check orders against the list'],
    },
    other: {
      title: 'Warehouse Operative',
      tasks: ['Unload pallets from lorries', 'Move boxes up to 25kg', 'Check orders against the list'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'animal_care',
    said: { tasksLiked: ['brushing the animals'], tasksDisliked: ['poo', 'cleaning up after them'] },
    firstPick: { title: 'Animal Care Assistant', tasks: ['Groom the ponies', 'Prepare feeds', 'Refill water troughs'] },
    other: {
      title: 'Animal Care Assistant',
      tasks: ['Muck out stables', 'Empty litter trays', 'Refill water troughs'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'education_support',
    said: { tasksDisliked: ['being in charge of a group of kids', 'noise'] },
    firstPick: {
      title: 'Classroom Resources Assistant',
      tasks: ['Photocopy worksheets', 'Laminate display work', 'Prepare art materials'],
    },
    other: {
      title: 'Teaching Assistant',
      tasks: ['Supervise pupils at playtime', 'Lead a small reading group', 'Prepare art materials'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'creative_media',
    said: { tasksLiked: ['editing'], tasksDisliked: ['being filmed', 'people looking at me'] },
    firstPick: { title: 'Media Assistant', tasks: ['Edit video clips', 'Add subtitles to videos', 'Back up footage'] },
    other: {
      title: 'Media Assistant',
      tasks: ['Present short videos for social media', 'Appear in promo clips', 'Back up footage'],
    },
  },
  {
    cause: 'disliked_concepts',
    sector: 'healthcare_support',
    said: { tasksLiked: ['chatting to old people'], tasksDisliked: ['helping people wash or go toilet'] },
    firstPick: {
      title: 'Care Home Assistant',
      tasks: ['Run bingo afternoons', 'Chat with residents', 'Serve tea and biscuits'],
    },
    other: {
      title: 'Care Home Assistant',
      tasks: ['Support residents with bathing', 'Assist with personal hygiene', 'Serve tea and biscuits'],
    },
  },

  // ------------------------------------------------------------- tried_before
  {
    cause: 'tried_before',
    sector: 'horticulture',
    said: {
      jobsWanted: 'done work experience at the allotments with my college n it was the best thing ive ever done',
    },
    firstPick: { title: 'Gardening Assistant', tasks: ['Plant vegetables', 'Water the beds', 'Pull up weeds'] },
    other: { title: 'Florist Assistant', tasks: ['Make up bouquets', 'Wrap flowers', 'Serve customers'] },
  },
  {
    cause: 'tried_before',
    sector: 'retail',
    said: { jobsWanted: 'I did a week at Tesco. It was horrible.' },
    firstPick: { title: 'Charity Shop Assistant', tasks: ['Sort donated clothes', 'Steam clothes', 'Price items'] },
    other: {
      title: 'Supermarket Assistant',
      tasks: ['Stock supermarket shelves', 'Rotate chilled food', 'Price items'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'hospitality_catering',
    said: {
      jobsWanted:
        'my work experience was in the kitchen at a pub, when it got busy i got overwhelmed with all the orders coming in and had to go home',
    },
    firstPick: {
      title: 'Hotel Housekeeping Assistant',
      tasks: ['Make beds', 'Restock toiletries', 'Vacuum guest rooms'],
    },
    other: {
      title: 'Kitchen Assistant',
      tasks: ['Prepare food for orders', 'Plate up meals during service', 'Wash up'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'libraries',
    said: {
      jobsWanted:
        'i volunteered at my local library on saturdays putting books back on the shelfs, it was really calm and i liked it',
    },
    firstPick: { title: 'Library Assistant', tasks: ['Shelve returned books', 'Put books in order', 'Tidy shelves'] },
    other: { title: 'Library Assistant', tasks: ['Staff the enquiry desk', 'Issue library cards', 'Answer the phone'] },
  },
  {
    cause: 'tried_before',
    sector: 'leisure',
    said: { jobsWanted: 'tried lifeguard training last year, didnt go well, couldnt keep up with the others' },
    firstPick: { title: 'Gym Assistant', tasks: ['Wipe down equipment', 'Greet members', 'Put weights back on racks'] },
    other: {
      title: 'Pool Attendant',
      tasks: ['Watch swimmers from poolside', 'Help with pool rescue drills', 'Greet members'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'manufacturing',
    said: {
      jobsWanted:
        'at college we did a placement at a biscuit factory packing the biscuits. I was really good at it and fast, the supervisor said so',
    },
    firstPick: {
      title: 'Packing Operative',
      tasks: ['Pack products into boxes on the line', 'Label boxes', 'Stack boxes on pallets'],
    },
    other: {
      title: 'Production Operative',
      tasks: ['Weigh out ingredients', 'Clean mixing equipment', 'Stack boxes on pallets'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'it_support',
    said: { jobsWanted: 'helped the IT man at school fix the laptops for a term and the teachers said im a natural' },
    firstPick: {
      title: 'IT Support Assistant',
      tasks: ['Repair laptops', 'Replace broken keyboards and screens', 'Set up computers for staff'],
    },
    other: {
      title: 'Digital Assistant',
      tasks: ['Update website pages', 'Upload photos to the website', 'Enter data'],
    },
  },
  {
    cause: 'tried_before',
    sector: 'facilities',
    said: {
      jobsWanted:
        'I had a go at cleaning at my mums work. didnt like it at all the smell of the chemicals made me feel sick',
    },
    firstPick: { title: 'Facilities Assistant', tasks: ['Set up meeting rooms', 'Move furniture', 'Deliver post'] },
    other: { title: 'Cleaning Operative', tasks: ['Clean toilets', 'Mop floors with cleaning products', 'Empty bins'] },
  },
  {
    cause: 'tried_before',
    sector: 'animal_care',
    said: {
      jobsWanted:
        'did a taster day at a riding stables. never again lol the horses were massive i was scared the whole time',
    },
    firstPick: {
      title: 'Animal Care Assistant',
      tasks: ['Feed rabbits and guinea pigs', 'Clean hutches', 'Refill water bowls'],
    },
    other: { title: 'Stable Hand', tasks: ['Groom horses', 'Muck out stables', 'Lead horses out to the field'] },
  },
  {
    cause: 'tried_before',
    sector: 'education_support',
    said: {
      jobsWanted:
        'For her DofE she helped at her old primary school listening to the year 2s read and she absolutely loved it',
    },
    firstPick: {
      title: 'Teaching Assistant',
      tasks: ['Listen to children read', 'Support a small phonics group', 'Help in the classroom'],
    },
    other: {
      title: 'School Office Assistant',
      tasks: ['Photocopy letters home', 'File attendance registers', 'Answer the office phone'],
    },
  },

  // -------------------------------------------------------- titles_and_places
  {
    cause: 'titles_and_places',
    sector: 'animal_care',
    said: { jobsWanted: 'wanna work at a vets' },
    firstPick: {
      title: 'Veterinary Care Assistant',
      tasks: ['Clean consulting rooms', 'Hold animals during check ups', 'Restock the medicine cupboard'],
    },
    other: { title: 'Dog Grooming Assistant', tasks: ['Bath dogs', 'Brush coats', 'Clean the grooming table'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'hospitality_catering',
    said: { jobsWanted: 'barista!!! i love coffee shops' },
    firstPick: {
      title: 'Coffee Shop Assistant',
      tasks: ['Make hot drinks', 'Steam milk', 'Serve customers at the counter'],
    },
    other: { title: 'Waiting Staff', tasks: ['Take food orders', 'Carry plates to tables', 'Set tables'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'retail',
    said: { jobsWanted: 'i wanna work in primark or new look, somewhere with clothes' },
    firstPick: {
      title: 'Fashion Retail Assistant',
      tasks: ['Fold clothes', 'Hang garments on rails', 'Help in the fitting rooms'],
    },
    other: { title: 'Supermarket Assistant', tasks: ['Stock shelves', 'Check use by dates', 'Tidy the aisles'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'healthcare_support',
    said: { jobsWanted: 'my dream is to be a nurse one day so anything on a hospital ward' },
    firstPick: {
      title: 'Ward Healthcare Assistant',
      tasks: ['Help patients at mealtimes', 'Make beds', 'Restock bedside supplies'],
    },
    other: {
      title: 'Pharmacy Assistant',
      tasks: ['Serve customers at the chemist counter', 'Put away medicine deliveries', 'Restock shelves'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'administration',
    said: { jobsWanted: 'Id like to be a receptionist like my aunty' },
    firstPick: {
      title: 'Front Desk Assistant',
      tasks: ['Greet visitors', 'Sign in guests', 'Hand out visitor badges'],
    },
    other: {
      title: 'Accounts Assistant',
      tasks: ['File invoices', 'Enter figures into spreadsheets', 'Match receipts'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'manufacturing',
    said: {
      jobsWanted:
        'want to be an engineer like my dad. would like to see how a factory works, making the parts then putting them together then checking them',
    },
    firstPick: {
      title: 'Manufacturing Intern',
      tasks: ['Work alongside operators', 'Follow safety procedures'],
      departments: ['Machining', 'Assembly', 'Quality Control'],
    },
    other: {
      title: 'Manufacturing Intern',
      tasks: ['Work alongside operators', 'Follow safety procedures'],
      departments: ['Goods In', 'Dispatch'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'facilities',
    said: { jobsWanted: 'at the uni doing a bit of everything, like the post room and security and the porters' },
    firstPick: {
      title: 'Campus Services Intern',
      tasks: ['Support the campus team', 'Help visitors find their way'],
      departments: ['Post Room', 'Security', 'Portering'],
    },
    other: {
      title: 'Campus Services Intern',
      tasks: ['Support the campus team', 'Help visitors find their way'],
      departments: ['Cleaning', 'Catering'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'horticulture',
    said: { jobsWanted: 'groundsman at a football club, keeping the pitch nice' },
    firstPick: {
      title: 'Grounds Assistant',
      tasks: ['Mow the pitch', 'Mark out white lines', 'Repair divots in the turf'],
    },
    other: { title: 'Park Gardener', tasks: ['Prune shrubs', 'Plant flower beds', 'Rake leaves'] },
  },
  {
    cause: 'titles_and_places',
    sector: 'creative_media',
    said: { jobsWanted: 'video editor. i make edits for my youtube already' },
    firstPick: {
      title: 'Junior Video Editor',
      tasks: ['Cut footage together', 'Add music and titles', 'Export clips for social media'],
    },
    other: {
      title: 'Graphic Design Assistant',
      tasks: ['Design posters', 'Resize images for social media', 'Choose fonts and colours'],
    },
  },
  {
    cause: 'titles_and_places',
    sector: 'logistics_warehouse',
    said: { jobsWanted: 'postman or at the royal mail sorting office' },
    firstPick: {
      title: 'Postal Sorting Assistant',
      tasks: ['Sort letters into delivery rounds', 'Bag up post for posties', 'Scan tracked parcels'],
    },
    other: {
      title: 'Warehouse Picker',
      tasks: ['Pick stock with a handheld scanner', 'Pack orders', 'Scan tracked parcels'],
    },
  },
];
