import { describe, expect, it } from 'vitest';
import { checkPasswordRequirements, scorePassword } from './password-strength.ts';

describe('password strength meter', () => {
  it('rates short passwords very weak, and grows with length and character classes', () => {
    expect(scorePassword('')).toBe(0);
    expect(scorePassword('Ab1!xyz')).toBe(0);
    expect(scorePassword('abcdefgh')).toBe(0);
    expect(scorePassword('Passwort1!')).toBe(2);
    expect(scorePassword('abcDef!9xyzUvw1')).toBe(3);
    expect(scorePassword('Lange-Sätze-sind-gut-7')).toBe(4);
  });

  it('marks runs of one character down', () => {
    expect(scorePassword('Aaaa1111!!!!bbbb')).toBeLessThan(scorePassword('Abcd1234!?#&efgh'));
  });

  it('checks the rules of the shared schema', () => {
    expect(checkPasswordRequirements('abc')).toEqual({
      minLength: false,
      upper: false,
      digit: false,
      special: false,
    });
    expect(checkPasswordRequirements('Äpfel-und-Birnen-2')).toEqual({
      minLength: true,
      upper: true,
      digit: true,
      special: true,
    });
  });
});
