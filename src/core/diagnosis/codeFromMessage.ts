// RingCentral's messages that name exactly one code: a paste with the message but no code still gets it
// ("Unauthorized for this grant type" → OAU-251). Messages that two codes share (e.g. "Authorization header
// is not specified": OAU-123 and AGW-401; "Request rate exceeded": CMN-301 and 302) are left out on purpose.
// Most specific first: the first hit wins.
const MESSAGE_CODES: ReadonlyArray<readonly [string, string]> = [
  ['for another extension, user needs to have [', 'CMN-419'],
  ['permission granted with extended scope', 'CMN-419'],
  ['user needs to have [', 'CMN-408'],
  ['application needs to have [', 'CMN-401'],
  ['] permission required', 'CMN-408'],
  ['login to extension required', 'CMN-405'],
  ['resource for parameter [', 'CMN-102'],
  ['parameter [brandid] is invalid', 'OAU-101'],
  ['] value is invalid', 'CMN-101'],
  ['the client is unauthorized for the required grant type', 'OAU-112'],
  ['unauthorized for this grant type', 'OAU-251'],
  ['grant type is not allowed for application', 'OAU-125'],
  ['unsupported grant type', 'OAU-250'],
  ['no redirect uri is registered for the client', 'OAU-113'],
  ['redirect uris do not match', 'OAU-109'],
  ['unable to issue authorization code', 'OAU-102'],
  ['authorization code was not issued for this application', 'OAU-110'],
  ['authorization code is expired', 'OAU-108'],
  ['invalid authorization code', 'OAU-106'],
  ['request parameter duplication detected', 'OAU-111'],
  ['client authentication is required', 'OAU-123'],
  ['invalid authorization header value', 'OAU-123'],
  ['authorization method not supported', 'OAU-151'],
  ['invalid client credentials', 'OAU-146'],
  ['invalid client: ', 'OAU-153'],
  ['sandbox client is not allowed', 'OAU-165'],
  ['password grant is not allowed because mfa is required', 'OAU-168'],
  ['account access restricted by realmid', 'OAU-167'],
  ['algorithm which is used for assertion signing is not supported', 'OAU-347'],
  ['invalid application release', 'OAU-127'],
  ['access token expired', 'OAU-128'],
  ['access token corrupted', 'OAU-129'],
  ['unparsable access token', 'OAU-149'],
  ['oauth token is invalid', 'OAU-149'],
  ['unparseable access token', 'TokenInvalid'],
  ['token not found', 'OAU-213'],
  ['token revoked', 'OAU-211'],
  ['https certificate is not valid', 'SUB-524'],
  ['webhook server response is invalid', 'SUB-525'],
  ['https is required', 'SUB-523'],
];

/** Exact phrases a longer message may only contain as a whole ("Token expired" but not "Access token expired"). */
const WHOLE_MESSAGE_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|[^a-z ])token expired(?:$|[^a-z])/, 'OAU-210'],
];

/** The one code a server message names, or undefined. Texts are searched in order, each line capped. */
export function codeFromMessage(texts: ReadonlyArray<string | undefined>): string | undefined {
  for (const raw of texts) {
    if (!raw) {
      continue;
    }
    const text = raw.slice(0, 20_000).toLowerCase();
    for (const [phrase, code] of MESSAGE_CODES) {
      if (text.includes(phrase)) {
        return code;
      }
    }
    for (const [re, code] of WHOLE_MESSAGE_CODES) {
      if (re.test(text)) {
        return code;
      }
    }
  }
  return undefined;
}
