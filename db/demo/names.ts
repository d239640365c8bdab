/**
 * Name lists for the demo caseload. A caseload in Rotterdam or Aarhus is not all
 * "Jan Jansen": the mixes below follow who actually sits across the desk, and the
 * diacritics (ø, æ, å, ş, ı, ö) and tussenvoegsels ("van den Berg") exercise
 * search and sorting.
 */
export type Country = 'nl' | 'dk';

export type Origin = 'dutch' | 'moroccan' | 'turkish' | 'surinamese' | 'syrian' | 'eritrean' | 'danish' | 'somali' | 'pakistani';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
}

export const NAME_POOLS: Readonly<Record<Origin, NamePool>> = {
  dutch: {
    female: [
      'Anne', 'Linda', 'Sandra', 'Monique', 'Petra', 'Marieke', 'Esther', 'Ingrid', 'Wendy', 'Mandy', 'Kim', 'Lisa', 'Sanne',
      'Femke', 'Iris', 'Eva', 'Lotte', 'Fleur', 'Anouk', 'Ilse', 'Inge', 'Karin', 'Marloes', 'Sophie', 'Julia', 'Emma',
      'Tessa', 'Yvonne', 'Bianca', 'Chantal', 'Priscilla', 'Demi', 'Romy', 'Naomi', 'Joyce', 'Miranda', 'Marjolein', 'Noor',
    ],
    male: [
      'Jan', 'Peter', 'Mark', 'Kevin', 'Dennis', 'Sander', 'Bas', 'Thijs', 'Daan', 'Sem', 'Lucas', 'Jeroen', 'Martijn', 'Ruud',
      'Henk', 'Gerrit', 'Wim', 'Erik', 'Rob', 'Tim', 'Niels', 'Jesse', 'Bram', 'Stijn', 'Joost', 'Marco', 'Richard',
      'Patrick', 'Robin', 'Rick', 'Koen', 'Wouter', 'Hans', 'Frank', 'Sjoerd', 'Maarten', 'Luuk', 'Milan',
    ],
    last: [
      'de Vries', 'Jansen', 'de Jong', 'van den Berg', 'Bakker', 'van Dijk', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
      'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
      'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen',
      'van den Broek', 'de Bruijn', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven',
      'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'de Lange',
      'Kuipers', 'van Wijk', 'Postma', 'Kramer', 'Timmermans', 'Veenstra', 'Post', 'Kuiper', 'Jonker', 'Groen',
      'van Rijn', 'Bosman', 'Willemsen', "van 't Hof", 'ter Horst', "in 't Veld",
    ],
  },
  moroccan: {
    female: ['Fatima', 'Khadija', 'Naima', 'Samira', 'Malika', 'Hanan', 'Soumaya', 'Yasmina', 'Nadia', 'Latifa', 'Siham', 'Ikram', 'Loubna', 'Imane'],
    male: ['Mohamed', 'Ahmed', 'Youssef', 'Mustafa', 'Said', 'Karim', 'Rachid', 'Bilal', 'Ayoub', 'Hamza', 'Soufiane', 'Anouar', 'Nordin', 'Khalid'],
    last: [
      'El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Ouali', 'Azzouzi', 'Boukhari', 'El Khatib', 'Haddou', 'Aouragh',
      'El Ouardi', 'Chaouch', 'Bakkali', 'Tahiri', 'Ziani', 'El Moussaoui', 'Bennani', 'Ait Taleb', 'Zerouali',
    ],
  },
  turkish: {
    female: ['Ayşe', 'Fatma', 'Elif', 'Zeynep', 'Emine', 'Hatice', 'Büşra', 'Merve', 'Esra', 'Derya', 'Gülsen', 'Songül'],
    male: ['Mehmet', 'Mustafa', 'Emre', 'Hakan', 'Murat', 'Burak', 'Kemal', 'Serkan', 'Ali', 'Osman', 'Yusuf', 'Erdal'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç', 'Kılıç', 'Aslan', 'Çetin', 'Kurt', 'Yilmaz', 'Ozturk'],
  },
  surinamese: {
    female: ['Sharon', 'Shanti', 'Priya', 'Kavita', 'Natasha', 'Xiomara', 'Roshni', 'Dewi', 'Sunita', 'Gracia', 'Shirley'],
    male: ['Ramon', 'Romano', 'Ravi', 'Anand', 'Sunil', 'Rajesh', 'Gerold', 'Errol', 'Marlon', 'Glenn', 'Rodney'],
    last: [
      'Ramdin', 'Sewnath', 'Jagesar', 'Ramsaran', 'Mahabier', 'Bhoelai', 'Kanhai', 'Biharie', 'Sital', 'Lachman', 'Pinas',
      'Kross', 'Wijngaarde', 'Doekhie', 'Sedney', 'Zebeda', 'Brunings', 'Tjon A Fong', 'Soekhoe',
    ],
  },
  syrian: {
    female: ['Rasha', 'Lina', 'Rana', 'Hiba', 'Noor', 'Reem', 'Dima', 'Amira', 'Rama', 'Ghada', 'Yara'],
    male: ['Mohammad', 'Ahmad', 'Khaled', 'Omar', 'Hussam', 'Rami', 'Bashar', 'Samer', 'Ammar', 'Fadi', 'Majd'],
    last: ['Al-Hassan', 'Alali', 'Haddad', 'Khalil', 'Al-Ahmad', 'Darwish', 'Hamdan', 'Al-Masri', 'Kassem', 'Shami', 'Nassar', 'Sabbagh', 'Al-Khatib', 'Hamoud'],
  },
  eritrean: {
    female: ['Senait', 'Selam', 'Helen', 'Saba', 'Luwam', 'Freweyni', 'Ruta'],
    male: ['Yonas', 'Filmon', 'Tesfalem', 'Merhawi', 'Dawit', 'Robel', 'Amanuel'],
    last: ['Tesfay', 'Kidane', 'Tekle', 'Haile', 'Ghebremedhin', 'Woldu', 'Berhane', 'Mehari', 'Asfaha'],
  },
  danish: {
    female: [
      'Mette', 'Anne', 'Hanne', 'Kirsten', 'Lene', 'Pia', 'Camilla', 'Louise', 'Sofie', 'Ida', 'Freja', 'Maja', 'Line', 'Julie',
      'Cecilie', 'Signe', 'Trine', 'Rikke', 'Birgitte', 'Karina', 'Malene', 'Astrid', 'Mathilde', 'Nanna', 'Tove', 'Bodil',
    ],
    male: [
      'Søren', 'Mads', 'Jens', 'Niels', 'Lars', 'Anders', 'Rasmus', 'Mikkel', 'Frederik', 'Kasper', 'Jesper', 'Morten',
      'Henrik', 'Thomas', 'Christian', 'Jakob', 'Mathias', 'Emil', 'Oliver', 'Jonas', 'Bo', 'Torben', 'Kim', 'Ole', 'Bjørn', 'Jørgen',
    ],
    last: [
      'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
      'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
      'Østergaard', 'Kjærgaard', 'Højgaard', 'Søndergaard', 'Nørgaard', 'Bæk', 'Frederiksen', 'Lund', 'Holm', 'Schmidt',
      'Dahl', 'Kjær', 'Bach', 'Vestergaard', 'Lauridsen', 'Mikkelsen', 'Skov', 'Krogh', 'Bruun', 'Overgaard', 'Damgaard', 'Aagaard',
    ],
  },
  somali: {
    female: ['Hodan', 'Fadumo', 'Ayan', 'Ifrah', 'Hibo', 'Sahra', 'Asha'],
    male: ['Abdirahman', 'Abdullahi', 'Hamse', 'Mahad', 'Liban', 'Abdi', 'Bashir'],
    last: ['Abdi', 'Farah', 'Warsame', 'Hassan', 'Jama', 'Nur', 'Osman', 'Yusuf', 'Egal'],
  },
  pakistani: {
    female: ['Sana', 'Ayesha', 'Nadia', 'Saima', 'Rabia', 'Hina'],
    male: ['Imran', 'Asif', 'Usman', 'Bilal', 'Kashif', 'Tariq'],
    last: ['Khan', 'Hussain', 'Ahmed', 'Malik', 'Iqbal', 'Butt', 'Chaudhry'],
  },
};

/** Who is on a caseload in each country, roughly. */
export const ORIGIN_MIX: Readonly<Record<Country, ReadonlyArray<readonly [Origin, number]>>> = {
  nl: [
    ['dutch', 62],
    ['moroccan', 11],
    ['turkish', 10],
    ['surinamese', 8],
    ['syrian', 6],
    ['eritrean', 3],
  ],
  dk: [
    ['danish', 78],
    ['turkish', 4],
    ['syrian', 6],
    ['somali', 5],
    ['pakistani', 3],
    ['eritrean', 4],
  ],
};

/** Caseworkers: mostly, but not only, locally born. */
export const CASEWORKER_ORIGIN_MIX: Readonly<Record<Country, ReadonlyArray<readonly [Origin, number]>>> = {
  nl: [
    ['dutch', 80],
    ['moroccan', 8],
    ['turkish', 7],
    ['surinamese', 5],
  ],
  dk: [
    ['danish', 90],
    ['turkish', 5],
    ['pakistani', 5],
  ],
};
