import type { AdjustmentCategory, CommunicationPreference, EnvironmentFactor, Level, Sector } from '../src/domain/vocabulary.js';

/**
 * The words the demo data is made of: people's names, the kinds of employer that host
 * supported internships and the jobs they offer, and how young people describe themselves.
 * Written in plain English, as a job coach or a young person would put it.
 */

export const firstNames = [
  'Aaliyah', 'Aarav', 'Abdul', 'Adam', 'Aisha', 'Alfie', 'Amara', 'Amelia', 'Amir', 'Archie', 'Ava', 'Ayesha',
  'Bartek', 'Bethany', 'Caleb', 'Callum', 'Chloe', 'Connor', 'Daisy', 'Daniel', 'Demi', 'Dylan', 'Eden', 'Ella',
  'Ellis', 'Emily', 'Erin', 'Ethan', 'Evie', 'Faith', 'Finley', 'Freya', 'Grace', 'Hamza', 'Hannah', 'Harley',
  'Harry', 'Harvey', 'Imani', 'Isaac', 'Isla', 'Jack', 'Jacob', 'Jade', 'Jayden', 'Jessica', 'Joel', 'Jordan',
  'Josh', 'Kacper', 'Kai', 'Keira', 'Kian', 'Kyle', 'Layla', 'Leah', 'Leo', 'Lewis', 'Liam', 'Lily', 'Logan',
  'Lucy', 'Maisie', 'Maryam', 'Mason', 'Maya', 'Megan', 'Mia', 'Millie', 'Mohammed', 'Molly', 'Nathan', 'Niamh',
  'Noah', 'Oliver', 'Olivia', 'Oscar', 'Owen', 'Phoebe', 'Poppy', 'Priya', 'Reece', 'Reuben', 'Riley', 'Rosie',
  'Ruby', 'Ryan', 'Sophie', 'Tayo', 'Theo', 'Tom', 'Tyler', 'Wiktoria', 'Yusuf', 'Zara', 'Zain', 'Zofia',
] as const;

export const surnames = [
  'Adams', 'Ahmed', 'Ali', 'Allen', 'Atkinson', 'Bailey', 'Baker', 'Begum', 'Bell', 'Bennett', 'Brown', 'Campbell',
  'Carter', 'Chapman', 'Clarke', 'Collins', 'Cooper', 'Davies', 'Dixon', 'Edwards', 'Evans', 'Fisher', 'Fletcher',
  'Foster', 'Graham', 'Green', 'Hall', 'Harris', 'Hill', 'Holmes', 'Hughes', 'Hussain', 'Iqbal', 'Jackson', 'James',
  'Johnson', 'Jones', 'Kaur', 'Khan', 'King', 'Kowalski', 'Lee', 'Lewis', 'Marshall', 'Martin', 'Mensah', 'Mitchell',
  'Moore', 'Morris', 'Murphy', 'Nowak', 'Okafor', 'Owen', 'Palmer', 'Parker', 'Patel', 'Phillips', 'Price', 'Rahman',
  'Richards', 'Roberts', 'Robinson', 'Rose', 'Scott', 'Shah', 'Shaw', 'Singh', 'Smith', 'Stevens', 'Taylor',
  'Thomas', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson', 'White', 'Wilson', 'Wood', 'Wright', 'Young',
] as const;

/** First names of the parents and carers who act for young people. */
export const parentFirstNames = [
  'Andrew', 'Angela', 'Claire', 'Dawn', 'Gary', 'Imran', 'Joanne', 'Karen', 'Lee', 'Lisa', 'Mark', 'Michelle',
  'Nadia', 'Nasreen', 'Paul', 'Rachel', 'Sarah', 'Shabana', 'Simon', 'Stephen', 'Tracey', 'Yvonne',
] as const;

export const streets = [
  'High Street', 'Station Road', 'Church Lane', 'Park Road', 'Mill Lane', 'Victoria Road', 'London Road', 'Queen Street',
  'King Street', 'Market Street', 'Albert Road', 'Canal Street', 'Bridge Street', 'North Street', 'Chapel Lane', 'Green Lane',
] as const;

/** Made-up place words for employer names, so no real business is named. */
export const placeWords = [
  'Ashworth', 'Beckside', 'Birchwood', 'Brookhouse', 'Castlegate', 'Cedar', 'Elmwood', 'Fairview', 'Fernlea',
  'Greenbank', 'Hawthorn', 'Heathfield', 'Highfield', 'Hollins', 'Kingsway', 'Larkfield', 'Maple', 'Meadowside',
  'Millbrook', 'Northgate', 'Oakfield', 'Orchard', 'Parkside', 'Priory', 'Queensway', 'Riverside', 'Rowan',
  'Southgate', 'Stonebridge', 'Sycamore', 'Thornbury', 'Victoria', 'Waterside', 'Westfield', 'Willowbank', 'Woodlands',
] as const;

export type EnvironmentProfile = Record<EnvironmentFactor, Level>;

/** A typical workplace: a little of most things, standing and walking some of the day. */
export const baseEnvironment: EnvironmentProfile = {
  noise: 'low',
  lighting: 'low',
  crowds: 'low',
  customerContact: 'low',
  standing: 'medium',
  walking: 'medium',
  lifting: 'low',
  outdoorWork: 'none',
  pace: 'medium',
};

export interface RoleTemplate {
  title: string;
  sector: Sector;
  /** One sentence on what the intern does, for the description. */
  summary: string;
  tasks: readonly string[];
  /** Where the role differs from `baseEnvironment`. */
  environment: Partial<EnvironmentProfile>;
}

export const roles = {
  kitchenAssistant: {
    title: 'Kitchen assistant',
    sector: 'hospitality_catering',
    summary: 'Help the kitchen team prepare fresh food, keep the kitchen clean and put deliveries away.',
    tasks: ['preparing vegetables and salads', 'washing up and loading the dishwasher', 'stock rotation in the fridges', 'cleaning work surfaces', 'labelling and dating food', 'setting up the salad bar', 'making sandwiches'],
    environment: { noise: 'high', lighting: 'medium', standing: 'high', lifting: 'medium', pace: 'high' },
  },
  kitchenPorter: {
    title: 'Kitchen porter',
    sector: 'hospitality_catering',
    summary: 'Keep the kitchen running: wash pots and pans, put deliveries away and keep floors and bins clean.',
    tasks: ['washing pots and pans', 'putting away deliveries', 'emptying bins and recycling', 'mopping the kitchen floor', 'loading the dishwasher'],
    environment: { noise: 'high', standing: 'high', lifting: 'high', pace: 'high' },
  },
  cafeAssistant: {
    title: 'Café assistant',
    sector: 'hospitality_catering',
    summary: 'Serve customers in a busy café, make drinks and keep the tables clean and welcoming.',
    tasks: ['serving hot and cold drinks', 'clearing and wiping tables', 'restocking the counter', 'taking payments on the till', 'making sandwiches', 'washing up'],
    environment: { noise: 'medium', crowds: 'medium', customerContact: 'high', standing: 'high', pace: 'medium' },
  },
  frontOfHouse: {
    title: 'Restaurant front of house assistant',
    sector: 'hospitality_catering',
    summary: 'Set up the restaurant, greet guests and help serve and clear tables.',
    tasks: ['setting tables', 'greeting guests', 'serving food to tables', 'clearing tables', 'polishing cutlery and glasses'],
    environment: { noise: 'medium', crowds: 'medium', customerContact: 'high', standing: 'high', walking: 'high', pace: 'high' },
  },
  housekeeping: {
    title: 'Housekeeping assistant',
    sector: 'hospitality_catering',
    summary: 'Get bedrooms ready for guests with the housekeeping team, working to a checklist.',
    tasks: ['making beds', 'cleaning bedrooms and bathrooms', 'restocking trolleys', 'folding linen', 'checking rooms against a list'],
    environment: { customerContact: 'low', standing: 'high', walking: 'high', lifting: 'medium' },
  },
  laundry: {
    title: 'Laundry assistant',
    sector: 'hospitality_catering',
    summary: 'Sort, wash, fold and deliver linen in the laundry, a steady job away from the public.',
    tasks: ['sorting and loading laundry', 'folding towels and linen', 'ironing', 'delivering linen to each floor'],
    environment: { noise: 'medium', customerContact: 'none', standing: 'high', lifting: 'medium' },
  },
  shopFloor: {
    title: 'Retail assistant',
    sector: 'retail',
    summary: 'Keep the shelves full and tidy, check dates and help customers find what they need.',
    tasks: ['filling shelves', 'facing up products', 'checking date codes', 'helping customers find items', 'tidying the shop floor', 'pricing and labelling'],
    environment: { noise: 'medium', crowds: 'medium', customerContact: 'medium', standing: 'high', walking: 'high', lifting: 'medium' },
  },
  stockroom: {
    title: 'Stockroom assistant',
    sector: 'retail',
    summary: 'Work behind the scenes unpacking deliveries and getting stock ready for the shop floor.',
    tasks: ['unpacking deliveries', 'stock rotation', 'flattening and recycling cardboard', 'moving cages to the shop floor', 'counting stock'],
    environment: { noise: 'medium', customerContact: 'low', standing: 'high', lifting: 'high' },
  },
  charityShop: {
    title: 'Charity shop assistant',
    sector: 'retail',
    summary: 'Sort and price donations, dress the window and serve customers in a friendly local shop.',
    tasks: ['sorting donated items', 'steaming and hanging clothes', 'pricing items', 'arranging window displays', 'serving on the till'],
    environment: { customerContact: 'medium', standing: 'medium', pace: 'low' },
  },
  onlineOrders: {
    title: 'Online orders picker',
    sector: 'retail',
    summary: 'Pick customers’ online orders around the store with a handheld scanner and pack them for delivery.',
    tasks: ['picking online orders with a handheld scanner', 'packing orders into crates', 'checking substitutions', 'loading crates onto trolleys'],
    environment: { noise: 'medium', crowds: 'medium', customerContact: 'low', standing: 'high', walking: 'high', lifting: 'medium', pace: 'high' },
  },
  tillAssistant: {
    title: 'Customer service assistant',
    sector: 'retail',
    summary: 'Serve customers on the till and at the service desk, with a supervisor close by.',
    tasks: ['serving customers on the till', 'bagging shopping', 'answering simple questions', 'handling returns with a supervisor'],
    environment: { noise: 'medium', crowds: 'high', customerContact: 'high', standing: 'high', walking: 'low', pace: 'high' },
  },
  wardHousekeeper: {
    title: 'Ward housekeeping assistant',
    sector: 'healthcare_support',
    summary: 'Help keep a hospital ward clean, stocked and comfortable for patients.',
    tasks: ['restocking ward supplies', 'cleaning bedside areas', 'serving drinks to patients', 'making beds', 'checking stock levels'],
    environment: { noise: 'medium', customerContact: 'medium', standing: 'high', walking: 'high' },
  },
  pharmacyStores: {
    title: 'Pharmacy stores assistant',
    sector: 'healthcare_support',
    summary: 'Check in deliveries and put together orders for the wards in the pharmacy stores.',
    tasks: ['unpacking and checking deliveries', 'stock rotation by expiry date', 'filling ward orders', 'labelling boxes'],
    environment: { customerContact: 'none', lifting: 'medium' },
  },
  careActivities: {
    title: 'Care home activities assistant',
    sector: 'healthcare_support',
    summary: 'Spend time with residents, help with activities and serve meals and drinks.',
    tasks: ['helping with activities and games', 'serving meals and drinks', 'chatting with residents', 'setting tables', 'tidying the lounge'],
    environment: { noise: 'medium', customerContact: 'high', pace: 'low' },
  },
  medicalRecords: {
    title: 'Medical records assistant',
    sector: 'administration',
    summary: 'File, find and scan patient notes so clinics have what they need on time.',
    tasks: ['filing and retrieving patient notes', 'scanning documents', 'checking names and numbers', 'preparing clinic lists'],
    environment: { customerContact: 'none', standing: 'low', walking: 'medium' },
  },
  sterileServices: {
    title: 'Sterile services assistant',
    sector: 'healthcare_support',
    summary: 'Sort and pack surgical instruments to a checklist in a clean, well-lit department.',
    tasks: ['sorting instruments', 'packing trays to a checklist', 'loading washers', 'labelling packs'],
    environment: { noise: 'medium', lighting: 'high', customerContact: 'none', standing: 'high', walking: 'low' },
  },
  officeAssistant: {
    title: 'Office assistant',
    sector: 'administration',
    summary: 'Support a busy office team with filing, scanning, post and data entry.',
    tasks: ['scanning and filing documents', 'data entry', 'sorting incoming post', 'photocopying and binding', 'updating spreadsheets', 'franking outgoing mail'],
    environment: { standing: 'low', walking: 'low', pace: 'low' },
  },
  postRoom: {
    title: 'Post room assistant',
    sector: 'administration',
    summary: 'Sort the post and deliver it around a large building on a regular round.',
    tasks: ['sorting internal post', 'delivering post around the building', 'franking mail', 'recording parcels'],
    environment: { standing: 'medium', walking: 'high', lifting: 'low' },
  },
  reception: {
    title: 'Reception assistant',
    sector: 'administration',
    summary: 'Welcome visitors, sign them in and help keep the front desk running smoothly.',
    tasks: ['greeting visitors', 'signing visitors in', 'answering simple phone calls', 'booking meeting rooms'],
    environment: { crowds: 'medium', customerContact: 'high', standing: 'low', walking: 'low' },
  },
  dataEntry: {
    title: 'Data entry assistant',
    sector: 'administration',
    summary: 'Enter and check information on the computer in a quiet office.',
    tasks: ['entering data from forms', 'checking records for mistakes', 'scanning documents', 'archiving files'],
    environment: { noise: 'none', customerContact: 'none', standing: 'none', walking: 'low', pace: 'low' },
  },
  warehouseOperative: {
    title: 'Warehouse operative',
    sector: 'logistics_warehouse',
    summary: 'Pick, pack and label orders in a large warehouse, working to targets with a team.',
    tasks: ['picking orders with a scanner', 'packing parcels', 'labelling boxes', 'wrapping pallets', 'putting stock away'],
    environment: { noise: 'high', lighting: 'medium', customerContact: 'none', standing: 'high', walking: 'high', lifting: 'high', pace: 'high' },
  },
  goodsIn: {
    title: 'Goods-in assistant',
    sector: 'logistics_warehouse',
    summary: 'Check deliveries against the paperwork, count stock and move it to the right place.',
    tasks: ['checking deliveries against paperwork', 'counting stock', 'moving cages', 'recording damaged items'],
    environment: { noise: 'high', customerContact: 'none', standing: 'high', walking: 'medium', lifting: 'high' },
  },
  returns: {
    title: 'Returns processor',
    sector: 'logistics_warehouse',
    summary: 'Open returned parcels, check the items and get them ready to sell again.',
    tasks: ['unpacking returned items', 'checking the condition of items', 'repackaging stock', 'recording returns on the computer'],
    environment: { noise: 'medium', customerContact: 'none', standing: 'high', lifting: 'medium' },
  },
  horticultureAssistant: {
    title: 'Horticulture assistant',
    sector: 'horticulture',
    summary: 'Grow and look after plants with the gardening team, mostly outdoors.',
    tasks: ['potting on plants', 'watering', 'weeding borders', 'planting bulbs', 'sweeping paths', 'tidying the plant area'],
    environment: { outdoorWork: 'high', walking: 'high', lifting: 'medium', pace: 'low' },
  },
  groundsMaintenance: {
    title: 'Grounds maintenance assistant',
    sector: 'horticulture',
    summary: 'Keep parks and grounds tidy with the grounds team in all weathers.',
    tasks: ['litter picking', 'raking leaves', 'cutting back shrubs', 'emptying bins', 'helping with mowing'],
    environment: { noise: 'medium', outdoorWork: 'high', walking: 'high', lifting: 'medium' },
  },
  plantArea: {
    title: 'Garden centre plant area assistant',
    sector: 'horticulture',
    summary: 'Water, price and display plants, and help customers carry them to the car park.',
    tasks: ['watering plants', 'pricing plants', 'helping customers carry plants', 'tidying displays'],
    environment: { customerContact: 'medium', outdoorWork: 'medium', standing: 'high', lifting: 'medium' },
  },
  glasshouse: {
    title: 'Nursery glasshouse assistant',
    sector: 'horticulture',
    summary: 'Sow seeds and grow young plants in warm glasshouses on a calm plant nursery.',
    tasks: ['sowing seeds', 'pricking out seedlings', 'labelling trays', 'watering', 'potting on plants'],
    environment: { lighting: 'high', outdoorWork: 'low', standing: 'high', pace: 'low' },
  },
  itSupport: {
    title: 'IT support assistant',
    sector: 'it_support',
    summary: 'Help the IT team set up and look after laptops, phones and other equipment.',
    tasks: ['setting up laptops for new starters', 'updating software', 'testing equipment', 'logging help desk tickets', 'labelling and recording equipment', 'tidying cables'],
    environment: { standing: 'low', walking: 'medium', customerContact: 'low' },
  },
  refurbishment: {
    title: 'Computer refurbishment technician',
    sector: 'it_support',
    summary: 'Wipe, test and refurbish donated computers so they can go to people who need them.',
    tasks: ['wiping and testing old laptops', 'cleaning keyboards and screens', 'installing operating systems', 'recording serial numbers', 'packing refurbished computers'],
    environment: { customerContact: 'none', standing: 'low', walking: 'low', pace: 'low' },
  },
  digitalAssistant: {
    title: 'Digital assistant',
    sector: 'it_support',
    summary: 'Scan old records, check data and help keep the website up to date.',
    tasks: ['scanning archive documents', 'checking data on spreadsheets', 'updating web pages with a supervisor', 'naming and filing digital photos'],
    environment: { noise: 'none', customerContact: 'none', standing: 'none', walking: 'low', pace: 'low' },
  },
  leisureAssistant: {
    title: 'Leisure centre assistant',
    sector: 'leisure',
    summary: 'Set up sports halls, keep the gym clean and help at reception in a busy leisure centre.',
    tasks: ['setting up and putting away sports equipment', 'cleaning gym equipment', 'checking the changing rooms', 'helping at reception', 'refilling the vending area'],
    environment: { noise: 'medium', crowds: 'medium', customerContact: 'medium', walking: 'high', lifting: 'medium' },
  },
  cinemaAssistant: {
    title: 'Cinema host',
    sector: 'leisure',
    summary: 'Check tickets, clean screens between films and help at the snack kiosk.',
    tasks: ['checking tickets', 'cleaning screens between films', 'restocking snacks', 'helping at the kiosk'],
    environment: { noise: 'high', lighting: 'high', crowds: 'high', customerContact: 'high', walking: 'high', pace: 'high' },
  },
  poolside: {
    title: 'Swimming pool support assistant',
    sector: 'leisure',
    summary: 'Help the pool team keep poolside and the changing village safe, clean and tidy.',
    tasks: ['tidying poolside', 'setting out lane ropes with staff', 'cleaning the changing village', 'handing out towels'],
    environment: { noise: 'high', crowds: 'medium', customerContact: 'medium', walking: 'high' },
  },
  facilitiesAssistant: {
    title: 'Facilities assistant',
    sector: 'facilities',
    summary: 'Keep a large building working: set up rooms, move furniture and report faults.',
    tasks: ['setting up meeting rooms', 'moving furniture', 'checking lights and reporting faults', 'restocking kitchens and toilets', 'collecting recycling'],
    environment: { walking: 'high', lifting: 'medium' },
  },
  cleaning: {
    title: 'Cleaning operative',
    sector: 'facilities',
    summary: 'Clean offices, kitchens and toilets to a checklist, often before the building gets busy.',
    tasks: ['cleaning offices and kitchens', 'emptying bins', 'hoovering', 'restocking toilets', 'cleaning to a checklist'],
    environment: { noise: 'medium', standing: 'high', walking: 'high' },
  },
  maintenanceAssistant: {
    title: 'Maintenance assistant',
    sector: 'facilities',
    summary: 'Help the maintenance team with small repairs, painting and moving materials.',
    tasks: ['helping with small repairs', 'painting walls and doors', 'carrying tools and materials', 'checking fire doors with a supervisor'],
    environment: { noise: 'medium', outdoorWork: 'low', walking: 'high', lifting: 'medium' },
  },
  porter: {
    title: 'Porter assistant',
    sector: 'facilities',
    summary: 'Move equipment, post and supplies around a large site with an experienced porter.',
    tasks: ['moving equipment between departments', 'delivering post and parcels', 'pushing wheelchairs with a porter', 'collecting linen'],
    environment: { noise: 'medium', crowds: 'medium', customerContact: 'medium', walking: 'high', lifting: 'medium' },
  },
  libraryAssistant: {
    title: 'Library assistant',
    sector: 'libraries',
    summary: 'Put books back in the right place, help at the counter and set up displays in a calm library.',
    tasks: ['shelving returned books', 'checking books in and out', 'tidying shelves in order', 'helping at children’s story time', 'preparing displays', 'covering new books'],
    environment: { noise: 'none', customerContact: 'medium', standing: 'medium', pace: 'low' },
  },
  libraryStock: {
    title: 'Library stock assistant',
    sector: 'libraries',
    summary: 'Get new books ready for the shelves and mend damaged ones, away from the public.',
    tasks: ['processing new stock', 'repairing damaged books', 'sorting returns', 'packing book boxes for the mobile library'],
    environment: { noise: 'none', customerContact: 'none', standing: 'low', walking: 'low', pace: 'low' },
  },
  classroomHelper: {
    title: 'Classroom support assistant',
    sector: 'education_support',
    summary: 'Prepare resources and help in classrooms alongside teachers and teaching assistants.',
    tasks: ['preparing classroom resources', 'listening to children read', 'tidying classrooms', 'laminating and photocopying', 'helping at lunchtime'],
    environment: { noise: 'high', crowds: 'medium', customerContact: 'medium', pace: 'medium' },
  },
  nurseryAssistant: {
    title: 'Nursery assistant',
    sector: 'education_support',
    summary: 'Set up play activities and help at snack time in a friendly day nursery.',
    tasks: ['setting up play activities', 'helping at snack time', 'tidying toys', 'cleaning toys and tables', 'reading stories'],
    environment: { noise: 'high', customerContact: 'medium', standing: 'high', pace: 'medium' },
  },
  animalCare: {
    title: 'Animal care assistant',
    sector: 'animal_care',
    summary: 'Feed and care for animals and keep their kennels and pens clean.',
    tasks: ['cleaning kennels and pens', 'feeding animals', 'walking dogs', 'preparing bedding', 'refilling water bowls'],
    environment: { noise: 'high', outdoorWork: 'medium', standing: 'high', walking: 'high', lifting: 'medium', pace: 'low' },
  },
  vetAssistant: {
    title: 'Veterinary practice assistant',
    sector: 'animal_care',
    summary: 'Keep consulting rooms clean and stocked and help care for animals staying in.',
    tasks: ['cleaning consulting rooms', 'washing bedding', 'restocking supplies', 'feeding animals staying in'],
    environment: { noise: 'medium', customerContact: 'low', standing: 'high' },
  },
  productionLine: {
    title: 'Production line assistant',
    sector: 'manufacturing',
    summary: 'Pack, label and check products on a production line with a supportive team.',
    tasks: ['packing products', 'checking quality against a sample', 'labelling', 'boxing and stacking pallets'],
    environment: { noise: 'high', lighting: 'medium', customerContact: 'none', standing: 'high', walking: 'low', lifting: 'medium', pace: 'high' },
  },
  bakery: {
    title: 'Bakery production assistant',
    sector: 'manufacturing',
    summary: 'Weigh ingredients, shape dough and pack bread in a craft bakery.',
    tasks: ['weighing ingredients', 'shaping dough', 'packing bread', 'cleaning equipment'],
    environment: { noise: 'medium', customerContact: 'none', standing: 'high', lifting: 'medium', pace: 'medium' },
  },
  assembly: {
    title: 'Assembly assistant',
    sector: 'manufacturing',
    summary: 'Put together small parts and kits by following picture guides.',
    tasks: ['assembling small parts', 'checking work against a picture guide', 'packing kits', 'counting parts'],
    environment: { noise: 'medium', customerContact: 'none', standing: 'medium', walking: 'low', pace: 'medium' },
  },
  museumAssistant: {
    title: 'Museum visitor assistant',
    sector: 'creative_media',
    summary: 'Welcome visitors, help with family craft activities and look after the galleries.',
    tasks: ['welcoming visitors', 'helping with craft activities', 'checking the galleries', 'restocking the shop'],
    environment: { crowds: 'medium', customerContact: 'high', standing: 'high', walking: 'high', pace: 'low' },
  },
  printAssistant: {
    title: 'Print and design assistant',
    sector: 'creative_media',
    summary: 'Prepare files, trim and bind prints and pack orders in a small print studio.',
    tasks: ['preparing files for printing', 'trimming and binding prints', 'packing orders', 'scanning images'],
    environment: { noise: 'medium', customerContact: 'low', standing: 'medium', walking: 'low' },
  },
  backstage: {
    title: 'Theatre backstage assistant',
    sector: 'creative_media',
    summary: 'Help set up the stage, look after props and help the box office team.',
    tasks: ['setting up the stage', 'looking after props', 'cleaning the auditorium', 'helping in the box office'],
    environment: { noise: 'medium', lighting: 'high', crowds: 'medium', walking: 'high', lifting: 'medium' },
  },
} satisfies Record<string, RoleTemplate>;

export type RoleId = keyof typeof roles;

/** A department a DFN Project SEARCH-style host rotates interns through. */
export interface Department {
  department: string;
  tasks: readonly string[];
}

export interface EmployerKind {
  sector: Sector;
  /** Name patterns: {place} is a made-up place word, {town} the town. */
  names: readonly string[];
  about: readonly string[];
  roles: readonly RoleId[];
  weight: number;
  /** Large employers host more placements; Project SEARCH hosts most of all. */
  size: 'small' | 'medium' | 'large';
  /** Present for hosts of a DFN Project SEARCH-style programme: interns rotate through these. */
  rotation?: { title: string; departments: readonly Department[] };
  contactTitles: readonly string[];
}

export const employerKinds: readonly EmployerKind[] = [
  {
    sector: 'healthcare_support',
    names: ['{town} {place} Hospital', '{place} General Hospital', '{town} Community Hospital'],
    about: ['A large NHS hospital with over 2,000 staff and many departments behind the scenes.', 'A busy teaching hospital that has hosted supported interns for several years.'],
    roles: ['wardHousekeeper', 'pharmacyStores', 'medicalRecords', 'sterileServices', 'porter', 'kitchenAssistant', 'laundry'],
    weight: 5,
    size: 'large',
    rotation: {
      title: 'Hospital supported internship (three rotations)',
      departments: [
        { department: 'Portering', tasks: ['moving equipment between wards', 'delivering post and specimens'] },
        { department: 'Pharmacy stores', tasks: ['unpacking and checking deliveries', 'filling ward orders'] },
        { department: 'Catering', tasks: ['preparing vegetables and salads', 'serving meals to patients'] },
        { department: 'Medical records', tasks: ['filing and retrieving patient notes', 'scanning documents'] },
        { department: 'Sterile services', tasks: ['packing trays to a checklist', 'labelling packs'] },
        { department: 'Ward housekeeping', tasks: ['restocking ward supplies', 'making beds'] },
        { department: 'Linen room', tasks: ['folding towels and linen', 'delivering linen to each ward'] },
      ],
    },
    contactTitles: ['Supported internship lead', 'Learning and development manager', 'Facilities manager'],
  },
  {
    sector: 'healthcare_support',
    names: ['{place} Care Home', '{place} House Care Home', '{place} Lodge Nursing Home'],
    about: ['A friendly 40-bed care home for older people, with a garden and a busy activities programme.', 'A family-run nursing home on a quiet residential street.'],
    roles: ['careActivities', 'kitchenAssistant', 'housekeeping', 'laundry'],
    weight: 4,
    size: 'small',
    contactTitles: ['Home manager', 'Activities coordinator', 'Deputy manager'],
  },
  {
    sector: 'hospitality_catering',
    names: ['The {place} Hotel', '{place} Park Hotel', '{town} {place} Hotel and Conference Centre'],
    about: ['A 150-bedroom hotel with a restaurant, a bar and conference rooms, close to the station.', 'A large city-centre hotel and conference venue that hosts weddings and events.'],
    roles: ['kitchenAssistant', 'kitchenPorter', 'housekeeping', 'laundry', 'frontOfHouse'],
    weight: 2,
    size: 'large',
    rotation: {
      title: 'Hotel supported internship (three rotations)',
      departments: [
        { department: 'Kitchen', tasks: ['preparing vegetables and salads', 'washing up and loading the dishwasher'] },
        { department: 'Housekeeping', tasks: ['making beds', 'restocking trolleys'] },
        { department: 'Laundry', tasks: ['folding towels and linen', 'sorting and loading laundry'] },
        { department: 'Restaurant', tasks: ['setting tables', 'polishing cutlery and glasses'] },
        { department: 'Conference and events', tasks: ['setting up meeting rooms', 'laying out refreshments'] },
      ],
    },
    contactTitles: ['General manager', 'Head of housekeeping', 'HR manager'],
  },
  {
    sector: 'hospitality_catering',
    names: ['{place} Café', 'The {place} Kitchen', '{place} Tea Rooms', '{place} Community Café'],
    about: ['A busy independent café serving breakfasts, lunches and cakes.', 'A community café run as a social enterprise, with a training kitchen.'],
    roles: ['cafeAssistant', 'kitchenAssistant', 'kitchenPorter'],
    weight: 4,
    size: 'small',
    contactTitles: ['Owner', 'Café manager', 'Head chef'],
  },
  {
    sector: 'hospitality_catering',
    names: ['{place} Contract Catering', '{place} Staff Restaurant Services'],
    about: ['Runs staff restaurants and coffee shops for large offices and a university campus.'],
    roles: ['kitchenAssistant', 'cafeAssistant', 'kitchenPorter'],
    weight: 1,
    size: 'medium',
    contactTitles: ['Catering manager', 'Head chef'],
  },
  {
    sector: 'retail',
    names: ['Freshways {town} {place}', '{place} Superstore', 'Valley Foods {place} Road'],
    about: ['A large supermarket open seven days a week, with a warehouse and an online shopping team.', 'A neighbourhood supermarket with a bakery and a small café.'],
    roles: ['shopFloor', 'stockroom', 'onlineOrders', 'tillAssistant', 'cafeAssistant'],
    weight: 5,
    size: 'medium',
    contactTitles: ['Store manager', 'Customer service manager', 'People manager'],
  },
  {
    sector: 'retail',
    names: ['{place} Hospice Shop', '{place} Charity Shop', 'Second Chances {place}'],
    about: ['A charity shop raising money for the local hospice, run by staff and volunteers.', 'A furniture and clothing charity shop with a large sorting room.'],
    roles: ['charityShop', 'stockroom'],
    weight: 4,
    size: 'small',
    contactTitles: ['Shop manager', 'Volunteer coordinator'],
  },
  {
    sector: 'retail',
    names: ['{place} DIY and Garden', '{place} Home Store', '{place} Department Store'],
    about: ['A large home and DIY store on a retail park, with a garden centre.', 'A long-established department store on the high street.'],
    roles: ['shopFloor', 'stockroom', 'tillAssistant'],
    weight: 3,
    size: 'medium',
    contactTitles: ['Store manager', 'Department manager'],
  },
  {
    sector: 'administration',
    names: ['{town} {place} Civic Offices', '{place} Housing Association', '{place} Insurance Services', '{place} and Partners Solicitors'],
    about: ['A large office with about 600 staff, a post room and a customer contact centre.', 'A housing association that manages 8,000 homes across the area.', 'A law firm with a busy central office and a scanning team.'],
    roles: ['officeAssistant', 'postRoom', 'reception', 'dataEntry'],
    weight: 4,
    size: 'medium',
    contactTitles: ['Office manager', 'HR business partner', 'Team leader'],
  },
  {
    sector: 'administration',
    names: ['{place} University', '{town} {place} University'],
    about: ['A university with 25,000 students and a campus with libraries, labs, cafés and sports facilities.'],
    roles: ['officeAssistant', 'postRoom', 'libraryAssistant', 'itSupport', 'facilitiesAssistant', 'cafeAssistant'],
    weight: 2,
    size: 'large',
    rotation: {
      title: 'University supported internship (three rotations)',
      departments: [
        { department: 'Library', tasks: ['shelving returned books', 'processing new stock'] },
        { department: 'Estates and grounds', tasks: ['litter picking', 'setting up meeting rooms'] },
        { department: 'Post room', tasks: ['sorting internal post', 'delivering post around the campus'] },
        { department: 'IT service desk', tasks: ['setting up laptops for new starters', 'labelling and recording equipment'] },
        { department: 'Catering', tasks: ['serving hot and cold drinks', 'clearing and wiping tables'] },
        { department: 'Sports centre', tasks: ['setting up and putting away sports equipment', 'cleaning gym equipment'] },
      ],
    },
    contactTitles: ['Supported internship coordinator', 'HR adviser', 'Head of estates'],
  },
  {
    sector: 'logistics_warehouse',
    names: ['{place} Distribution Centre', '{place} Logistics', '{place} Parcels {town} Depot'],
    about: ['A regional distribution centre that sends stock to 200 shops, open day and night.', 'A parcel depot with a sorting hall and a fleet of delivery vans.'],
    roles: ['warehouseOperative', 'goodsIn', 'returns', 'officeAssistant'],
    weight: 4,
    size: 'large',
    rotation: {
      title: 'Warehouse supported internship (three rotations)',
      departments: [
        { department: 'Goods in', tasks: ['checking deliveries against paperwork', 'counting stock'] },
        { department: 'Picking', tasks: ['picking orders with a scanner', 'putting stock away'] },
        { department: 'Packing', tasks: ['packing parcels', 'labelling boxes'] },
        { department: 'Returns', tasks: ['unpacking returned items', 'repackaging stock'] },
        { department: 'Transport office', tasks: ['scanning delivery notes', 'filing paperwork'] },
      ],
    },
    contactTitles: ['Site manager', 'Shift manager', 'HR manager'],
  },
  {
    sector: 'logistics_warehouse',
    names: ['{place} Builders Merchants', '{town} Food Bank Warehouse', '{place} Wholesale'],
    about: ['A builders merchant with a yard, a trade counter and a warehouse.', 'A food bank warehouse that sorts donations for 30 local food banks.'],
    roles: ['goodsIn', 'returns', 'stockroom'],
    weight: 2,
    size: 'small',
    contactTitles: ['Warehouse manager', 'Volunteer manager'],
  },
  {
    sector: 'horticulture',
    names: ['{place} Garden Centre', '{place} Nurseries', '{place} Hall Gardens', '{place} Community Farm'],
    about: ['A family garden centre with a plant area, a café and a small farm shop.', 'A plant nursery growing bedding plants and shrubs in glasshouses.', 'Historic gardens and parkland open to the public all year.'],
    roles: ['horticultureAssistant', 'plantArea', 'glasshouse', 'groundsMaintenance', 'cafeAssistant'],
    weight: 4,
    size: 'small',
    contactTitles: ['Head gardener', 'Nursery manager', 'Volunteer coordinator'],
  },
  {
    sector: 'horticulture',
    names: ['{town} Parks and Green Spaces', '{place} Grounds Maintenance'],
    about: ['Looks after the parks, cemeteries and green spaces across the district.'],
    roles: ['groundsMaintenance', 'horticultureAssistant'],
    weight: 2,
    size: 'medium',
    contactTitles: ['Parks manager', 'Team leader'],
  },
  {
    sector: 'it_support',
    names: ['{place} IT Services', '{place} Tech Reuse', '{place} Digital'],
    about: ['An IT support company looking after computers for schools and small businesses.', 'A social enterprise that refurbishes donated laptops for families who need them.'],
    roles: ['itSupport', 'refurbishment', 'digitalAssistant'],
    weight: 3,
    size: 'small',
    contactTitles: ['Service desk manager', 'Workshop manager', 'Director'],
  },
  {
    sector: 'leisure',
    names: ['{place} Leisure Centre', '{place} Pools and Fitness', '{town} {place} Sports Village'],
    about: ['A leisure centre with a pool, a gym and a sports hall, run by a leisure trust.', 'A sports village with swimming pools, courts and a climbing wall.'],
    roles: ['leisureAssistant', 'poolside', 'reception', 'cafeAssistant', 'cleaning'],
    weight: 3,
    size: 'medium',
    contactTitles: ['Centre manager', 'Duty manager'],
  },
  {
    sector: 'leisure',
    names: ['{place} Cinema', '{place} Bowl', '{place} Adventure Golf'],
    about: ['An eight-screen cinema with a snack bar, busy in the evenings and at weekends.', 'A bowling alley and games arcade with a diner.'],
    roles: ['cinemaAssistant', 'cafeAssistant', 'cleaning'],
    weight: 2,
    size: 'small',
    contactTitles: ['General manager', 'Team leader'],
  },
  {
    sector: 'facilities',
    names: ['{place} Facilities Management', '{place} Cleaning Services', '{place} Estates Services'],
    about: ['Provides cleaning, portering and maintenance to offices, schools and hospitals.', 'Runs the buildings of a large business park for its tenants.'],
    roles: ['facilitiesAssistant', 'cleaning', 'maintenanceAssistant', 'porter', 'postRoom'],
    weight: 4,
    size: 'medium',
    contactTitles: ['Contract manager', 'Facilities supervisor', 'Operations manager'],
  },
  {
    sector: 'libraries',
    names: ['{town} Central Library', '{place} Community Library', '{place} Library and Information Centre'],
    about: ['A large central library with a children’s library, study spaces and a local history archive.', 'A small community library that runs reading groups and story times.'],
    roles: ['libraryAssistant', 'libraryStock', 'digitalAssistant'],
    weight: 4,
    size: 'small',
    contactTitles: ['Library manager', 'Senior library assistant'],
  },
  {
    sector: 'education_support',
    names: ['{place} Primary School', '{place} Day Nursery', '{place} Academy'],
    about: ['A two-form entry primary school with a breakfast club and an after-school club.', 'A day nursery for children aged six months to five years.', 'A secondary academy with 1,200 students and a large site team.'],
    roles: ['classroomHelper', 'nurseryAssistant', 'officeAssistant', 'cleaning', 'kitchenAssistant'],
    weight: 3,
    size: 'small',
    contactTitles: ['Business manager', 'Head teacher', 'Nursery manager'],
  },
  {
    sector: 'animal_care',
    names: ['{place} Animal Rescue', '{place} Veterinary Practice', '{place} City Farm', '{place} Kennels and Cattery'],
    about: ['A rescue centre rehoming dogs, cats and small animals.', 'A busy veterinary practice with an animal hospital.', 'A city farm with goats, pigs, poultry and a visitor centre.'],
    roles: ['animalCare', 'vetAssistant', 'horticultureAssistant'],
    weight: 2,
    size: 'small',
    contactTitles: ['Centre manager', 'Practice manager', 'Farm manager'],
  },
  {
    sector: 'manufacturing',
    names: ['{place} Foods', '{place} Bakery', '{place} Packaging', '{place} Components'],
    about: ['A food factory making ready meals for supermarkets.', 'A craft bakery supplying cafés and shops across the region.', 'A family firm making and packing small engineering parts.'],
    roles: ['productionLine', 'bakery', 'assembly', 'goodsIn'],
    weight: 3,
    size: 'medium',
    contactTitles: ['Production manager', 'HR manager', 'Shift supervisor'],
  },
  {
    sector: 'creative_media',
    names: ['{place} Museum', '{place} Theatre', '{place} Print Studio', '{town} {place} Arts Centre'],
    about: ['A local museum and art gallery with a family learning programme.', 'A theatre staging plays, pantomime and concerts.', 'A print studio printing posters, books and cards.'],
    roles: ['museumAssistant', 'printAssistant', 'backstage', 'cafeAssistant'],
    weight: 2,
    size: 'small',
    contactTitles: ['Learning manager', 'Studio manager', 'Front of house manager'],
  },
];

/** Sentences a placement description can draw on, by what the workplace offers. */
export const adjustmentSentences: Record<AdjustmentCategory, readonly string[]> = {
  environment: ['A quiet room is available for breaks.', 'We can find a calmer corner to work in when the department is busy.'],
  equipment: ['We can provide ear defenders, a tablet with picture instructions or a perching stool.', 'Our IT team can set up screen readers and larger screens.'],
  hours_and_breaks: ['A later start or extra short breaks can be agreed.', 'Hours can build up gradually over the first few weeks.'],
  communication: ['The team uses plain English, and some colleagues know basic BSL.', 'We explain things face to face and in writing.'],
  instructions: ['Tasks are shown step by step, with picture checklists at each station.', 'Instructions are written down and shown, not just told.'],
  meetings: ['Reviews are short, with the questions sent in advance.', 'Meetings happen in a quiet room, with your job coach if you want.'],
  travel: ['The bus stop is outside, and someone can meet you at it in the first week.', 'We can help plan your journey and agree a later start while you learn the route.'],
  colleague_support: ['Every intern has a named buddy in the team.', 'A mentor checks in with you every day.'],
  job_coach: ['Your job coach can work alongside you on site, then step back as you settle in.', 'Job coaches are welcome on site at any time.'],
};

export const descriptionClosers = [
  'Interns who do well are encouraged to apply for paid vacancies at the end.',
  'Several past interns now work here in paid jobs.',
  'You will wear a uniform, which we provide.',
  'There is a staff room with a fridge and a microwave.',
  'The team is friendly and used to working with interns.',
  'Lunch is provided on the days you work a full shift.',
] as const;

export const travelNotes = [
  'The bus stop is a two-minute walk from the main entrance.',
  'Use the staff entrance at the side of the building; someone will meet you there.',
  'About ten minutes’ walk from the railway station, on a flat route.',
  'There is a lift and an accessible toilet on every floor.',
  'Cycle racks and a locker room are available.',
] as const;

/** Each reads after "I am", as a young person would describe themself. */
export const strengths = [
  'reliable', 'punctual', 'friendly', 'hard-working', 'good at paying attention to detail', 'good at remembering routines',
  'calm under pressure', 'patient', 'kind to animals', 'tidy and organised', 'enthusiastic', 'good with numbers',
  'polite with customers', 'careful to get things right', 'a good team member', 'good at practical tasks', 'honest',
  'cheerful', 'good at spotting mistakes', 'creative', 'good with computers', 'strong and fit',
  'careful at following instructions', 'good at remembering names',
] as const;

/** Skills a young person may already have, by the sectors they are interested in. */
export const skillsBySector: Record<Sector, readonly string[]> = {
  hospitality_catering: ['food hygiene level 1', 'making hot drinks', 'using a commercial dishwasher', 'knife skills'],
  retail: ['using a till', 'counting change', 'stock rotation', 'using a pricing gun'],
  healthcare_support: ['infection control basics', 'first aid awareness', 'moving and handling awareness'],
  administration: ['typing', 'using Microsoft Word', 'using a scanner', 'filing in alphabetical order'],
  logistics_warehouse: ['using a handheld scanner', 'manual handling', 'using a pallet truck'],
  horticulture: ['potting and watering', 'using hand tools safely', 'naming common plants'],
  it_support: ['building a PC', 'using Excel', 'installing apps', 'touch typing'],
  leisure: ['sports leader award', 'cleaning to a checklist', 'water safety awareness'],
  facilities: ['cleaning to a checklist', 'using a floor scrubber', 'manual handling'],
  libraries: ['alphabetical and number order', 'using a library system', 'reading to children'],
  education_support: ['reading aloud', 'laminating and photocopying', 'first aid awareness'],
  animal_care: ['dog walking', 'feeding to a plan', 'cleaning pens'],
  manufacturing: ['working to a checklist', 'quality checking', 'counting and packing'],
  creative_media: ['photography', 'using Canva', 'drawing', 'simple video editing'],
};

export const generalSkills = ['using a smartphone', 'following a checklist', 'time keeping', 'using a bus pass', 'handling money', 'sending emails'] as const;

export const dislikedTasks = [
  'answering the phone', 'busy tills', 'talking to lots of new people', 'getting cold and wet', 'heavy lifting',
  'working fast under pressure', 'cleaning toilets', 'writing long notes', 'noisy machines', 'being rushed', 'crowded rooms',
] as const;

/** What a young person may say matters most to them at work (conditions for success, in their words). */
export const conditionNotes = [
  'I need to know my rota a week ahead.',
  'Please tell me about changes before they happen.',
  'I work best in the morning.',
  'I need to be able to get home on one bus.',
  'I like a quiet place to eat my lunch.',
  'I need somewhere to sit down for a few minutes every hour.',
  'I need my job coach with me for the first weeks.',
] as const;

export interface SupportProfile {
  key: string;
  weight: number;
  /** Environment factors this profile often limits, with the most the person can manage. */
  limits: readonly (readonly [EnvironmentFactor, readonly Level[]])[];
  stepFreeChance: number;
  required: readonly AdjustmentCategory[];
  preferred: readonly AdjustmentCategory[];
  communication: readonly CommunicationPreference[];
  travel: readonly (readonly ['independent' | 'travel_training' | 'needs_support', number])[];
  condition: {
    description: readonly string[];
    effectOnWork: readonly string[];
    goodDay: readonly string[];
    harderDay: readonly string[];
    earlyWarningSigns: readonly string[];
    whatToDoIfUnwell: readonly string[];
  };
  /** How this person would put each adjustment in their passport. */
  whatHelps: Partial<Record<AdjustmentCategory, readonly string[]>>;
  whatColleaguesCanDo: readonly string[];
  supportInEducation: readonly string[];
}

/**
 * Kinds of support need common among supported interns. They shape a young person's
 * conditions for success and passport; the profile itself is never stored as a field.
 */
export const supportProfiles: readonly SupportProfile[] = [
  {
    key: 'autism',
    weight: 30,
    limits: [['noise', ['low', 'medium']], ['crowds', ['low', 'medium']], ['lighting', ['medium']], ['customerContact', ['low', 'medium']]],
    stepFreeChance: 0.02,
    required: ['instructions', 'environment'],
    preferred: ['hours_and_breaks', 'colleague_support', 'meetings', 'job_coach'],
    communication: ['written_instructions', 'plain_english', 'visual'],
    travel: [['independent', 5], ['travel_training', 4], ['needs_support', 1]],
    condition: {
      description: ['I am autistic.', 'I am autistic and I also have anxiety.', 'I have an autism diagnosis from when I was eight.'],
      effectOnWork: ['Loud noise and busy places make it hard for me to think.', 'If plans change without warning I get anxious and find it hard to carry on.', 'I take things literally, so I need clear instructions.'],
      goodDay: ['On a good day I work quickly and carefully and I like getting things exactly right.', 'On a good day I can work all morning without a break and I notice mistakes others miss.'],
      harderDay: ['On a harder day I need a quiet five minutes and a written list of what to do.', 'On a harder day I might not talk much. I can still work if I know what comes next.'],
      earlyWarningSigns: ['I go quiet, put my hood up or rock a little.', 'I repeat questions or start pacing.'],
      whatToDoIfUnwell: ['Let me go to a quiet room and text my job coach.', 'Give me time on my own. Do not crowd me or ask lots of questions.'],
    },
    whatHelps: {
      environment: ['A quiet place to go at break times.', 'A desk or station away from the loudest machines.', 'Ear defenders when it gets noisy.'],
      instructions: ['Written, step-by-step checklists.', 'Show me a task once, then let me try it while you watch.'],
      hours_and_breaks: ['The same start time every day.', 'A short break every two hours.'],
      colleague_support: ['One named person to ask when I am not sure.'],
      meetings: ['Questions sent before a meeting, so I can think about my answers.'],
      job_coach: ['My job coach with me for the first two weeks.'],
    },
    whatColleaguesCanDo: ['Tell me about changes before they happen.', 'Say exactly what you mean; I might not get hints or sarcasm.', 'Please do not touch me without asking.'],
    supportInEducation: ['At college I had a quiet room at lunch and a learning support assistant in maths.', 'I had a visual timetable and a key worker at school.'],
  },
  {
    key: 'learning_disability',
    weight: 25,
    limits: [['pace', ['low', 'medium']], ['customerContact', ['medium']], ['crowds', ['medium']]],
    stepFreeChance: 0.03,
    required: ['instructions', 'job_coach'],
    preferred: ['colleague_support', 'travel', 'hours_and_breaks'],
    communication: ['easy_read', 'visual', 'verbal'],
    travel: [['independent', 3], ['travel_training', 5], ['needs_support', 2]],
    condition: {
      description: ['I have a learning disability.', 'I have a moderate learning disability.', 'I have a learning disability and I find reading hard.'],
      effectOnWork: ['I learn new tasks more slowly, but once I know them I do them well.', 'I find reading long instructions and telling the time hard.'],
      goodDay: ['On a good day I am chatty and happy to help anyone.', 'On a good day I get through my whole list and tick everything off.'],
      harderDay: ['On a harder day I forget steps and need someone to remind me.', 'On a harder day I get muddled if I am rushed.'],
      earlyWarningSigns: ['I stop and stand still, or say I am fine when I am not.', 'I get upset or cross quickly.'],
      whatToDoIfUnwell: ['Ring my mum; her number is in my bag.', 'Sit with me somewhere quiet and call my job coach.'],
    },
    whatHelps: {
      instructions: ['Pictures of each step next to where I work.', 'One instruction at a time.', 'Practise a new task with me a few times.'],
      job_coach: ['My job coach with me every day at first, then less as I learn.'],
      colleague_support: ['A buddy who shows me where things are.'],
      travel: ['Travel training on the bus route before I start.'],
      hours_and_breaks: ['A clock or a watch alarm to remind me about breaks.'],
    },
    whatColleaguesCanDo: ['Use short, simple words.', 'Check I have understood by asking me to show you.', 'Be patient while I learn; I will get there.'],
    supportInEducation: ['At college I had one-to-one support in lessons and travel training.', 'I was in a small class with a teaching assistant.'],
  },
  {
    key: 'downs_syndrome',
    weight: 8,
    limits: [['pace', ['low', 'medium']], ['lifting', ['low', 'medium']]],
    stepFreeChance: 0.05,
    required: ['job_coach', 'instructions'],
    preferred: ['colleague_support', 'communication', 'travel'],
    communication: ['easy_read', 'visual', 'verbal'],
    travel: [['independent', 2], ['travel_training', 5], ['needs_support', 3]],
    condition: {
      description: ['I have Down’s syndrome.', 'I have Down’s syndrome and some hearing loss in one ear.'],
      effectOnWork: ['I need a bit more time to learn new things, and I like to practise.', 'My speech can be hard to understand at first; give me time.'],
      goodDay: ['On a good day I love meeting people and I work hard.', 'On a good day I remember the whole routine and help others.'],
      harderDay: ['On a harder day I get tired after lunch.', 'On a harder day I need more reminders.'],
      earlyWarningSigns: ['I get very quiet or go off on my own.'],
      whatToDoIfUnwell: ['Call my dad or my job coach.'],
    },
    whatHelps: {
      job_coach: ['My job coach with me until I know the routine.'],
      instructions: ['Photos of each step.', 'Show me, then let me do it.'],
      colleague_support: ['The same friendly person to work with each day.'],
      communication: ['Speak clearly and face me. Let me finish what I am saying.'],
      travel: ['Someone to meet me at the bus stop in the first weeks.'],
    },
    whatColleaguesCanDo: ['Talk to me, not just to my job coach.', 'Give me time to answer.'],
    supportInEducation: ['I had speech and language therapy at school and a one-to-one at college.'],
  },
  {
    key: 'adhd',
    weight: 7,
    limits: [['noise', ['medium']], ['pace', ['medium', 'high']]],
    stepFreeChance: 0.01,
    required: ['instructions'],
    preferred: ['hours_and_breaks', 'colleague_support', 'meetings'],
    communication: ['written_instructions', 'plain_english'],
    travel: [['independent', 8], ['travel_training', 2]],
    condition: {
      description: ['I have ADHD.', 'I have ADHD and dyslexia.'],
      effectOnWork: ['I can lose focus on long, slow tasks, and I sometimes forget things I am told.', 'I can be late if my routine changes.'],
      goodDay: ['On a good day I have lots of energy and I get loads done.'],
      harderDay: ['On a harder day I get distracted and need my list in front of me.'],
      earlyWarningSigns: ['I start fidgeting a lot or talking over people.'],
      whatToDoIfUnwell: ['Let me take a short walk and then get back to it.'],
    },
    whatHelps: {
      instructions: ['Written lists I can tick off.', 'Reminders on my phone.'],
      hours_and_breaks: ['Short breaks to move about.', 'Varied tasks through the day.'],
      colleague_support: ['Someone to check in with me at the start of each shift.'],
      meetings: ['Short meetings with notes afterwards.'],
    },
    whatColleaguesCanDo: ['Give me one thing at a time.', 'Remind me kindly if I drift off task.'],
    supportInEducation: ['I had extra time in exams and a mentor at college.'],
  },
  {
    key: 'anxiety',
    weight: 8,
    limits: [['crowds', ['low']], ['customerContact', ['none', 'low']], ['noise', ['medium']]],
    stepFreeChance: 0.01,
    required: ['environment'],
    preferred: ['hours_and_breaks', 'meetings', 'colleague_support', 'travel'],
    communication: ['written_instructions', 'plain_english'],
    travel: [['independent', 5], ['travel_training', 3], ['needs_support', 1]],
    condition: {
      description: ['I have anxiety and low mood (SEMH needs).', 'I have social anxiety.', 'I have anxiety and sometimes panic attacks.'],
      effectOnWork: ['Talking to strangers and busy places make me very anxious.', 'I worry about getting things wrong, so I might ask a lot of questions.'],
      goodDay: ['On a good day I am confident with tasks I know.', 'On a good day I can work with the public for a short time.'],
      harderDay: ['On a harder day I might find it hard to come in, or need to start later.', 'On a harder day I need to work away from people.'],
      earlyWarningSigns: ['My breathing gets fast and I go red.', 'I go very quiet and avoid eye contact.'],
      whatToDoIfUnwell: ['Let me step outside for ten minutes. I will come back.', 'Help me to a quiet room and let me use my breathing exercises.'],
    },
    whatHelps: {
      environment: ['A quiet space I can go to if I feel panicky.', 'Working behind the scenes rather than with the public at first.'],
      hours_and_breaks: ['A later start on some days.', 'Building my hours up slowly.'],
      meetings: ['Meeting the team one or two at a time.', 'Knowing what a meeting is about beforehand.'],
      colleague_support: ['A named buddy I can text.'],
      travel: ['Being allowed to arrive a bit early or late to avoid the busiest bus.'],
    },
    whatColleaguesCanDo: ['Give feedback in private, not in front of others.', 'Let me know it is okay to ask questions.'],
    supportInEducation: ['I saw the college counsellor and had a safe space pass.'],
  },
  {
    key: 'physical',
    weight: 6,
    limits: [['standing', ['none', 'low']], ['walking', ['low']], ['lifting', ['none', 'low']], ['outdoorWork', ['low']]],
    stepFreeChance: 0.85,
    required: ['equipment', 'environment'],
    preferred: ['travel', 'hours_and_breaks'],
    communication: ['verbal', 'plain_english'],
    travel: [['independent', 4], ['travel_training', 2], ['needs_support', 4]],
    condition: {
      description: ['I have cerebral palsy and I use a wheelchair.', 'I have spina bifida and use a wheelchair most of the time.', 'I have a muscle condition and tire easily.'],
      effectOnWork: ['I cannot stand for long or lift heavy things.', 'I need step-free access and a desk at the right height.'],
      goodDay: ['On a good day I can work a full shift at a desk or counter.'],
      harderDay: ['On a harder day I am in more pain and need more rest breaks.'],
      earlyWarningSigns: ['I get very tired and my hands get shaky.'],
      whatToDoIfUnwell: ['Help me to somewhere I can lie down and call my mum.'],
    },
    whatHelps: {
      equipment: ['A height-adjustable desk.', 'A perching stool.', 'A trolley instead of carrying things.'],
      environment: ['Step-free access to every area I work in, and an accessible toilet.'],
      travel: ['Access to Work taxi fares to and from work.'],
      hours_and_breaks: ['Rest breaks when I need them.'],
    },
    whatColleaguesCanDo: ['Ask before helping me or moving my wheelchair.', 'Keep walkways clear.'],
    supportInEducation: ['I had a physiotherapist at school and adapted equipment at college.'],
  },
  {
    key: 'hearing',
    weight: 4,
    limits: [['noise', ['low', 'medium']]],
    stepFreeChance: 0,
    required: ['communication'],
    preferred: ['colleague_support', 'meetings', 'equipment'],
    communication: ['bsl', 'written_instructions', 'visual'],
    travel: [['independent', 8], ['travel_training', 2]],
    condition: {
      description: ['I am Deaf and use British Sign Language (BSL).', 'I am hard of hearing and wear hearing aids.'],
      effectOnWork: ['I cannot hear announcements or alarms, so I need another way to know.', 'Background noise makes it hard for me to follow speech.'],
      goodDay: ['On a good day I lip-read well in one-to-one chats.'],
      harderDay: ['On a harder day I get tired from lip-reading all day.'],
      earlyWarningSigns: ['I stop joining in and look tired.'],
      whatToDoIfUnwell: ['Write it down or text me; do not shout.'],
    },
    whatHelps: {
      communication: ['A BSL interpreter for inductions and reviews.', 'Messages written down or sent by text.'],
      colleague_support: ['A buddy who tells me about announcements and fire alarms.'],
      meetings: ['Sitting where I can see everyone’s faces.'],
      equipment: ['A vibrating pager for the fire alarm.'],
    },
    whatColleaguesCanDo: ['Face me when you talk and do not cover your mouth.', 'Learn a few BSL signs.'],
    supportInEducation: ['I had a communication support worker in lessons.'],
  },
  {
    key: 'visual',
    weight: 3,
    limits: [['lighting', ['low']], ['walking', ['medium']]],
    stepFreeChance: 0.1,
    required: ['equipment'],
    preferred: ['travel', 'instructions', 'colleague_support'],
    communication: ['verbal', 'plain_english'],
    travel: [['independent', 4], ['travel_training', 4], ['needs_support', 2]],
    condition: {
      description: ['I have a visual impairment (I am partially sighted).', 'I am registered blind and use a cane.'],
      effectOnWork: ['I cannot read small print, and bright or flickering lights make it worse.', 'I need to learn a new building’s layout before I can move around it on my own.'],
      goodDay: ['On a good day I move around familiar places easily.'],
      harderDay: ['On a harder day my eyes get tired and I need larger text.'],
      earlyWarningSigns: ['I get headaches and rub my eyes.'],
      whatToDoIfUnwell: ['Tell me what is happening; do not just take my arm.'],
    },
    whatHelps: {
      equipment: ['Screen magnification software and a large monitor.', 'A handheld magnifier.'],
      travel: ['Mobility training on my route to work.'],
      instructions: ['Instructions read out or sent in large print.'],
      colleague_support: ['Someone to show me round the building before I start.'],
    },
    whatColleaguesCanDo: ['Say your name when you speak to me.', 'Put things back where they were.'],
    supportInEducation: ['I had a qualified teacher of the visually impaired and large-print papers.'],
  },
  {
    key: 'dyspraxia',
    weight: 4,
    limits: [['lifting', ['low', 'medium']], ['pace', ['medium']]],
    stepFreeChance: 0.02,
    required: ['instructions'],
    preferred: ['equipment', 'hours_and_breaks'],
    communication: ['written_instructions', 'visual'],
    travel: [['independent', 6], ['travel_training', 4]],
    condition: {
      description: ['I have dyspraxia (DCD).'],
      effectOnWork: ['Fine movements like tying knots or handwriting take me longer.', 'I can be clumsy, so I prefer not to carry hot drinks or glass.'],
      goodDay: ['On a good day I am organised and get my tasks done in order.'],
      harderDay: ['On a harder day I drop things and need more time.'],
      earlyWarningSigns: ['I get flustered and start rushing.'],
      whatToDoIfUnwell: ['Give me a few minutes to reset and go back to my list.'],
    },
    whatHelps: {
      instructions: ['A written order for each task.'],
      equipment: ['Trolleys and trays with edges.', 'A laptop instead of handwriting.'],
      hours_and_breaks: ['Extra time to learn practical tasks.'],
    },
    whatColleaguesCanDo: ['Do not rush me when I am learning something new.'],
    supportInEducation: ['I used a laptop in lessons and had occupational therapy.'],
  },
  {
    key: 'speech_language',
    weight: 5,
    limits: [['customerContact', ['low', 'medium']], ['noise', ['medium']]],
    stepFreeChance: 0.01,
    required: ['communication', 'instructions'],
    preferred: ['colleague_support', 'meetings'],
    communication: ['visual', 'written_instructions', 'easy_read'],
    travel: [['independent', 5], ['travel_training', 4], ['needs_support', 1]],
    condition: {
      description: ['I have a developmental language disorder.', 'I have a speech and language difficulty and I stammer.'],
      effectOnWork: ['I need more time to understand spoken instructions and to answer.', 'Phone calls are very hard for me.'],
      goodDay: ['On a good day I chat with the team and answer questions.'],
      harderDay: ['On a harder day I would rather show you than tell you.'],
      earlyWarningSigns: ['I nod along even when I have not understood.'],
      whatToDoIfUnwell: ['Give me a pen and paper or my phone to explain.'],
    },
    whatHelps: {
      communication: ['Extra time to answer.', 'No phone calls; text or email instead.'],
      instructions: ['Instructions with pictures, one step at a time.'],
      colleague_support: ['A buddy who checks I have understood.'],
      meetings: ['Time to write my answers down before a review.'],
    },
    whatColleaguesCanDo: ['Do not finish my sentences for me.', 'Ask me to show you what to do, to check I understood.'],
    supportInEducation: ['I had speech and language therapy until I was sixteen.'],
  },
];

export const aboutMeExtras = [
  'I love music and I go to a youth club on Thursdays.',
  'I support my local football team and never miss a home match.',
  'I like cooking at home and I help with the shopping.',
  'I volunteer at a charity shop on Saturdays.',
  'I enjoy drawing and making comics.',
  'I like gaming and building things in Minecraft.',
  'I go swimming twice a week.',
  'I help look after my younger brother.',
  'I have a dog called Biscuit and I walk him every day.',
  'I did my Duke of Edinburgh bronze award.',
] as const;

export const contactPreferences = [
  'Please text me rather than phone.',
  'Email me and copy in my mum.',
  'Phone me in the morning; I do not always check messages later in the day.',
  'Message me on WhatsApp; my dad can help me reply.',
  'Please contact my job coach first.',
] as const;

export const accessToWorkNotes = [
  'Awarded for the length of my internship; to be reviewed if I get a paid job.',
  'My job coach helped me fill in the application.',
  'Waiting for an assessment appointment.',
] as const;
