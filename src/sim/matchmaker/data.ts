/**
 * The matchmaker's catalogue: beers and donuts with the flavour notes the taster reasons about. Names are the
 * lower-case keys the routes take (`/beers/ipa`, `/donuts/jelly`).
 */

export type Note =
  | 'bitter' | 'citrus' | 'pine' | 'tropical' | 'roast' | 'chocolate' | 'coffee' | 'caramel' | 'malt' | 'bread'
  | 'banana' | 'clove' | 'tart' | 'berry' | 'crisp' | 'honey' | 'spice' | 'vanilla' | 'sweet' | 'cream' | 'maple'
  | 'lemon' | 'cinnamon' | 'smoke' | 'earth';

export interface Beer {
  readonly name: string;
  readonly label: string;
  readonly style: string;
  readonly abv: number;
  readonly ibu: number;
  readonly notes: readonly Note[];
}

export interface Donut {
  readonly name: string;
  readonly label: string;
  readonly dough: 'yeast' | 'cake' | 'choux';
  readonly price_cents: number;
  readonly notes: readonly Note[];
}

export const BEERS: readonly Beer[] = [
  { name: 'ipa', label: 'Ridgeline IPA', style: 'India Pale Ale', abv: 6.8, ibu: 65, notes: ['bitter', 'citrus', 'pine', 'tropical'] },
  { name: 'stout', label: 'Night Shift Stout', style: 'Oatmeal Stout', abv: 5.9, ibu: 35, notes: ['roast', 'coffee', 'chocolate', 'cream'] },
  { name: 'pilsner', label: 'Harbour Pils', style: 'Czech Pilsner', abv: 4.8, ibu: 38, notes: ['crisp', 'bread', 'bitter', 'honey'] },
  { name: 'porter', label: 'Lamplighter Porter', style: 'Robust Porter', abv: 6.2, ibu: 40, notes: ['roast', 'caramel', 'chocolate', 'smoke'] },
  { name: 'hefeweizen', label: 'Sunday Weisse', style: 'Hefeweizen', abv: 5.2, ibu: 12, notes: ['banana', 'clove', 'bread', 'lemon'] },
  { name: 'saison', label: 'Fieldhouse Saison', style: 'Saison', abv: 6.5, ibu: 28, notes: ['spice', 'earth', 'lemon', 'crisp'] },
  { name: 'sour', label: 'Bramble Sour', style: 'Fruited Berliner Weisse', abv: 4.2, ibu: 6, notes: ['tart', 'berry', 'lemon', 'crisp'] },
  { name: 'amber', label: 'Copperhead Amber', style: 'American Amber Ale', abv: 5.6, ibu: 30, notes: ['caramel', 'malt', 'bread', 'pine'] },
  { name: 'barleywine', label: 'Old Lantern Barleywine', style: 'English Barleywine', abv: 10.4, ibu: 55, notes: ['caramel', 'honey', 'malt', 'vanilla'] },
  { name: 'kolsch', label: 'Riverbank Kölsch', style: 'Kölsch', abv: 4.9, ibu: 22, notes: ['crisp', 'bread', 'honey', 'lemon'] },
];

export const DONUTS: readonly Donut[] = [
  { name: 'jelly', label: 'Raspberry Jelly', dough: 'yeast', price_cents: 250, notes: ['berry', 'sweet', 'tart'] },
  { name: 'glazed', label: 'Classic Glazed', dough: 'yeast', price_cents: 175, notes: ['sweet', 'vanilla', 'bread'] },
  { name: 'chocolate', label: 'Double Chocolate', dough: 'cake', price_cents: 260, notes: ['chocolate', 'sweet', 'cream'] },
  { name: 'maple', label: 'Maple Bar', dough: 'yeast', price_cents: 240, notes: ['maple', 'caramel', 'sweet'] },
  { name: 'cinnamon', label: 'Cinnamon Sugar', dough: 'cake', price_cents: 190, notes: ['cinnamon', 'spice', 'sweet'] },
  { name: 'boston-cream', label: 'Boston Cream', dough: 'yeast', price_cents: 290, notes: ['cream', 'vanilla', 'chocolate'] },
  { name: 'old-fashioned', label: 'Old Fashioned', dough: 'cake', price_cents: 180, notes: ['bread', 'vanilla', 'earth'] },
  { name: 'lemon', label: 'Lemon Curd', dough: 'yeast', price_cents: 270, notes: ['lemon', 'tart', 'cream'] },
  { name: 'cruller', label: 'Honey Cruller', dough: 'choux', price_cents: 220, notes: ['honey', 'sweet', 'crisp'] },
  { name: 'bacon-maple', label: 'Bacon Maple', dough: 'yeast', price_cents: 340, notes: ['maple', 'smoke', 'sweet'] },
  { name: 'mocha', label: 'Mocha Crunch', dough: 'cake', price_cents: 280, notes: ['coffee', 'chocolate', 'crisp'] },
  { name: 'apple-fritter', label: 'Apple Fritter', dough: 'yeast', price_cents: 320, notes: ['cinnamon', 'caramel', 'tart'] },
];
