/**
 * Greenhouse-gas emissions of an industrial business estimated from what it reports for a year:
 * the fuels it burns (scope 1), the grid electricity it buys (scope 2) and the methane of its
 * wastewater. Results are tonnes of CO2-equivalent.
 *
 * Sources, so each number can be checked:
 * - Fuels: IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2 (Energy):
 *   net calorific values from Ch. 1 Table 1.2, CO2 factors from Ch. 1 Table 1.4, CH4 and N2O
 *   factors for manufacturing industries from Ch. 2 Table 2.3 (all defaults, kg per TJ).
 * - CO2 of biomass is biogenic: IPCC reports it as a memo item, outside the total; only its CH4 and
 *   N2O count.
 * - Grid electricity: the emission factor of the Jawa-Bali system for 2019, 0.817 t CO2/MWh, from
 *   RUPTL PT PLN 2019-2028 (as published by IESR). Blitar is supplied by that system.
 * - Wastewater: IPCC 2006 Vol. 5 Ch. 6, eq. 6.4 and 6.5: CH4 = COD x Bo x MCF, with Bo = 0.25 kg
 *   CH4 per kg COD and MCF by treatment from Table 6.8. Methane recovered is not modelled.
 * - Global warming potentials over 100 years from the IPCC Fifth Assessment Report (AR5): CH4 28,
 *   N2O 265.
 * Solid and hazardous waste are recorded but not turned into emissions: their methane depends on
 * where they end up (IPCC's first-order decay over decades), which a yearly report does not say.
 */

export const fuels = ['solar', 'bensin', 'lpg', 'gas', 'batubara', 'biomassa'] as const;
export type Fuel = (typeof fuels)[number];

interface FuelFactor {
  /** The unit a business reports the fuel in. */
  unit: 'liter' | 'kg' | 'MMBTU' | 'ton';
  /** Terajoules per reported unit. */
  tjPerUnit: number;
  co2: number;
  ch4: number;
  n2o: number;
  biogenic?: true;
}

/**
 * Litres become mass with a density assumed at the middle of the national fuel specification
 * (solar about 0.84 kg/L, bensin about 0.74 kg/L); these two are assumptions, not IPCC values.
 * Gas is billed in MMBTU (1 MMBTU = 1.055056 GJ). Coal is taken as sub-bituminous, Indonesia's
 * common grade.
 */
export const fuelFactors: Readonly<Record<Fuel, FuelFactor>> = {
  // Gas/diesel oil: NCV 43.0 TJ/Gg; 74,100 kg CO2/TJ; CH4 3, N2O 0.6 kg/TJ.
  solar: { unit: 'liter', tjPerUnit: 0.84e-6 * 43.0, co2: 74_100, ch4: 3, n2o: 0.6 },
  // Motor gasoline: NCV 44.3 TJ/Gg; 69,300 kg CO2/TJ; CH4 3, N2O 0.6 kg/TJ.
  bensin: { unit: 'liter', tjPerUnit: 0.74e-6 * 44.3, co2: 69_300, ch4: 3, n2o: 0.6 },
  // Liquefied petroleum gases: NCV 47.3 TJ/Gg; 63,100 kg CO2/TJ; CH4 1, N2O 0.1 kg/TJ.
  lpg: { unit: 'kg', tjPerUnit: 1e-6 * 47.3, co2: 63_100, ch4: 1, n2o: 0.1 },
  // Natural gas: 56,100 kg CO2/TJ; CH4 1, N2O 0.1 kg/TJ.
  gas: { unit: 'MMBTU', tjPerUnit: 1.055056e-3, co2: 56_100, ch4: 1, n2o: 0.1 },
  // Sub-bituminous coal: NCV 18.9 TJ/Gg; 96,100 kg CO2/TJ; CH4 10, N2O 1.5 kg/TJ.
  batubara: { unit: 'ton', tjPerUnit: 1e-3 * 18.9, co2: 96_100, ch4: 10, n2o: 1.5 },
  // Wood and wood waste: NCV 15.6 TJ/Gg; CO2 112,000 kg/TJ (biogenic); CH4 30, N2O 4 kg/TJ.
  biomassa: { unit: 'ton', tjPerUnit: 1e-3 * 15.6, co2: 112_000, ch4: 30, n2o: 4, biogenic: true },
};

/** t CO2 per MWh of the Jawa-Bali grid, 2019 (RUPTL PT PLN 2019-2028). */
export const GRID_FACTOR_JAWA_BALI = 0.817;
/** IPCC AR5 GWP100. */
export const GWP = { ch4: 28, n2o: 265 } as const;
/** kg CH4 per kg COD (IPCC 2006 Vol. 5 Ch. 6 Table 6.2). */
const BO_COD = 0.25;

export const wastewaterTreatments = [
  'tanpa_olah',
  'aerob_baik',
  'aerob_kurang',
  'anaerob_reaktor',
  'laguna_dangkal',
  'laguna_dalam',
] as const;
export type WastewaterTreatment = (typeof wastewaterTreatments)[number];
/** Methane correction factors, IPCC 2006 Vol. 5 Ch. 6 Table 6.8. */
export const methaneCorrection: Readonly<Record<WastewaterTreatment, number>> = {
  tanpa_olah: 0.1, // discharged untreated to a river, lake or the sea
  aerob_baik: 0, // aerobic treatment, well managed
  aerob_kurang: 0.3, // aerobic treatment, not well managed (overloaded)
  anaerob_reaktor: 0.8, // anaerobic reactor without methane recovery
  laguna_dangkal: 0.2, // anaerobic shallow lagoon (under 2 m)
  laguna_dalam: 0.8, // anaerobic deep lagoon (over 2 m)
};

export interface EnergyAndWaste {
  electricityKwh: number;
  fuel: Readonly<Partial<Record<Fuel, number>>>;
  wastewaterCodKg: number;
  wastewaterTreatment: WastewaterTreatment | null;
}

export interface Emissions {
  /** t CO2e by fuel burned on site. */
  byFuel: Record<Fuel, number>;
  scope1: number;
  /** Grid electricity. */
  scope2: number;
  wastewater: number;
  total: number;
  /** Biogenic CO2 of biomass, reported beside the total and outside it. */
  biogenicCo2: number;
  /** Energy used, in gigajoules (fuels at their calorific value, electricity at 3.6 GJ/MWh). */
  energyGj: number;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function estimateEmissions(r: EnergyAndWaste): Emissions {
  const byFuel = Object.fromEntries(fuels.map((f) => [f, 0])) as Record<Fuel, number>;
  let biogenicCo2 = 0;
  let energyGj = (r.electricityKwh / 1000) * 3.6;
  for (const f of fuels) {
    const amount = r.fuel[f] ?? 0;
    if (!amount) continue;
    const factor = fuelFactors[f];
    const tj = amount * factor.tjPerUnit;
    energyGj += tj * 1000;
    const co2 = factor.biogenic ? 0 : tj * factor.co2;
    if (factor.biogenic) biogenicCo2 += (tj * factor.co2) / 1000;
    byFuel[f] = round((co2 + tj * factor.ch4 * GWP.ch4 + tj * factor.n2o * GWP.n2o) / 1000);
  }
  const scope1 = round(fuels.reduce((s, f) => s + byFuel[f], 0));
  const scope2 = round((r.electricityKwh / 1000) * GRID_FACTOR_JAWA_BALI);
  const mcf = r.wastewaterTreatment ? methaneCorrection[r.wastewaterTreatment] : 0;
  const wastewater = round((r.wastewaterCodKg * BO_COD * mcf * GWP.ch4) / 1000);
  return {
    byFuel,
    scope1,
    scope2,
    wastewater,
    total: round(scope1 + scope2 + wastewater),
    biogenicCo2: round(biogenicCo2),
    energyGj: round(energyGj, 1),
  };
}

/** t CO2e per Rp1 miliar of output; null without output. */
export function emissionIntensity(totalTonnes: number, productionValue: number): number | null {
  return productionValue > 0 ? round(totalTonnes / (productionValue / 1e9), 4) : null;
}

/**
 * Indonesia's long-term direction (RPJPN 2025-2045, UU 59/2024, towards net-zero emissions by 2060
 * at the latest): the intensity a straight path from the base year's intensity to zero in 2060
 * would reach in each year. The registry's intensity is read against it.
 */
export const NET_ZERO_YEAR = 2060;
export function netZeroPath(baseYear: number, baseIntensity: number, year: number): number {
  if (year <= baseYear) return baseIntensity;
  if (year >= NET_ZERO_YEAR) return 0;
  return round(baseIntensity * (1 - (year - baseYear) / (NET_ZERO_YEAR - baseYear)), 4);
}
