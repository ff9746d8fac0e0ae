// Swedish organisation numbers (organisationsnummer): ten digits, written NNNNNN-NNNN. The third and
// fourth digits together are at least 20 (which tells them apart from personal identity numbers,
// whose month is 01–12), and the last digit is a Luhn (mod 10) check digit over the first nine.

const ACCEPTED = /^(\d{6})-?(\d{4})$/;

/** True when the ten digits pass the Luhn check (weights 2,1,2,1,… from the left). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counted from the right, i.e. from the left for an even length.
    let value = Number(digits[i]) * ((digits.length - i) % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}

/**
 * The ten digits of a valid organisation number written "202100-5489" or "2021005489" (spaces
 * around are ignored), or undefined when it is not one.
 */
export function parseOrgNumber(input: string): string | undefined {
  const match = ACCEPTED.exec(input.trim());
  if (!match) return undefined;
  const digits = `${match[1]}${match[2]}`;
  if (Number(digits.slice(2, 4)) < 20) return undefined;
  return luhnValid(digits) ? digits : undefined;
}

/** "2021005489" → "202100-5489", the way people write it. */
export function formatOrgNumber(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}
