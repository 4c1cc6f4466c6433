// RingCentralClient.requestJson (Try an API Call) over real HTTP against the emulator, with both fetch
// implementations: a JSON body goes out with its content type, errors come back coded, only a GET is repeated on a
// 5xx (a repeated POST could create the contact twice), and the trace masks the bearer token.
import * as assert from 'node:assert/strict';
import { AttemptRecorder } from '../../src/core/trace/trace';
import { ADAPTERS, apiError, useClientAgainstEmulator } from './ringcentralClientKit';

const CONTACTS = '/restapi/v1.0/account/~/extension/~/address-book/contact';

for (const [adapterName, adapter] of ADAPTERS) {
  describe(`RingCentralClient.requestJson against the emulator (${adapterName})`, () => {
    const { ctx, client, codeFor } = useClientAgainstEmulator(adapter);

    async function signedIn(retries = 0) {
      const rc = client({ retries, retryPauseMs: 10 });
      const { code, verifier } = await codeFor();
      const tokens = await rc.exchangeCode({
        code,
        redirectUri: 'http://127.0.0.1:53134/callback',
        codeVerifier: verifier,
      });
      return { rc, token: tokens.access_token };
    }

    const apiRequests = () => ctx.emu.requests.filter((request) => request.path.startsWith('/restapi/v1.0/'));

    it('POSTs a JSON body and reads the JSON answer; GET reads it back', async () => {
      const { rc, token } = await signedIn();
      const created = await rc.requestJson('POST', CONTACTS, token, { firstName: 'Charles', lastName: 'Babbage' });
      assert.equal(created.status, 200);
      assert.match(created.contentType, /application\/json/);
      assert.equal((created.json as { firstName: string }).firstName, 'Charles');
      const sent = apiRequests().at(-1);
      assert.equal(sent?.method, 'POST');
      assert.equal(sent?.headers['content-type'], 'application/json');
      const list = await rc.requestJson('GET', CONTACTS, token);
      assert.equal((list.json as { records: unknown[] }).records.length, 1);
      assert.equal(apiRequests().at(-1)?.headers['content-type'], undefined, 'a GET carries no body type');
    });

    it('a 405 and a 404 are coded errors, not answers', async () => {
      const { rc, token } = await signedIn();
      const notAllowed = await apiError(rc.requestJson('DELETE', '/restapi/v1.0/account/~/extension/~', token));
      assert.equal(notAllowed.info.status, 405);
      const notFound = await apiError(rc.requestJson('GET', '/restapi/v1.0/account/~/no-such-thing', token));
      assert.equal(notFound.info.code, 'CMN-102');
    });

    it('repeats a GET after a 5xx, never a POST', async () => {
      const { rc, token } = await signedIn(1);
      ctx.emu.setFault({ kind: '5xx', endpoint: 'api', remaining: 1 });
      const before = apiRequests().length;
      const whoAmI = await rc.requestJson('GET', '/restapi/v1.0/account/~/extension/~', token);
      assert.equal(whoAmI.status, 200);
      assert.equal(apiRequests().length - before, 2, 'the GET was tried twice');

      ctx.emu.setFault({ kind: '5xx', endpoint: 'api', remaining: 1 });
      const postsBefore = apiRequests().length;
      const error = await apiError(rc.requestJson('POST', CONTACTS, token, { firstName: 'Once' }));
      assert.equal(error.info.status, 503);
      assert.equal(apiRequests().length - postsBefore, 1, 'the POST was sent once');
    });

    it('records the call in the trace with the token masked', async () => {
      const { rc, token } = await signedIn();
      const recorder = new AttemptRecorder('apiProbe', Date.now, { server: ctx.emu.url });
      await rc.requestJson('POST', CONTACTS, token, { firstName: 'Traced' }, recorder);
      const step = recorder.attempt.steps.at(-1);
      assert.equal(step?.title, `POST ${CONTACTS}`);
      assert.equal(step?.ok, true);
      assert.equal(step?.request?.body, '{"firstName":"Traced"}');
      assert.ok(!JSON.stringify(recorder.attempt).includes(token));
      assert.match(step?.request?.headers.Authorization ?? '', /^Bearer .{4}….{3}$/);
    });
  });
}
