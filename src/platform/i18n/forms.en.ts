import type { formsSv } from './forms.sv.js';

// English: form chrome and validation messages.
export const formsEn: Record<keyof typeof formsSv, string> = {
  'form.errorSummary.title': 'There is a problem with the form',
  'form.errorSummary.intro': 'Correct the following and send again:',
  'form.required': 'required',
  'form.optional': 'optional',
  'validation.required': 'Fill in this field.',
  'validation.tooLong': 'The text is too long.',
  'validation.tooShort': 'The text is too short.',
  'validation.email': 'Enter a valid e-mail address, for example name@agency.se.',
  'validation.url': 'Enter a full web address starting with https:// or http://.',
  'validation.invalidChoice': 'Choose one of the options.',
  'validation.passwordTooShort': 'The password must have at least 10 characters.',
  'validation.passwordTooCommon': 'The password is too easy to guess. Choose another one.',
  'validation.wrongPassword': 'The password is not right.',
  'validation.linkInvalid': 'The link is invalid, already used or too old.',
  'validation.emailTaken': 'The e-mail address is already used by another account.',
  'validation.signupInviteOnly': 'Accounts can only be created with an invitation. Ask an administrator for one.',
  'validation.orgNumber': 'Enter a valid ten-digit organisation number, for example 202100-5489.',
  'validation.slug': 'Use only lower-case letters a–z, digits and hyphens (2–60 characters).',
  'validation.slugTaken': 'The address is already used by another organisation.',
  'validation.fileTooLarge': 'The file is too large.',
  'validation.fileType': 'The file type is not supported.',
};
