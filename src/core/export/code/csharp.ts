// "Generate Sign-In Code" for C# with the official RingCentral.Net SDK. The SDK keeps the token in memory and
// refreshes only when asked: the program saves it, refreshes before expiry and once after a 401, one refresh at a
// time across processes (a lock file), and saves the rotated refresh token at once.
import { ENV, PATHS } from '../profile';
import { CodeSettings, csharpLiteral, GeneratedCode, headerLines, prefixLines } from './common';

function signInMethod(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `    static async Task SignIn(RestClient rc)
    {
        var jwt = Env("${ENV.jwt}") ?? throw new SignInException("Set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).");
        await rc.Authorize(jwt);
    }`;
  }
  return `    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string RandomBase64Url(int size)
    {
        var bytes = new byte[size];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return Base64Url(bytes);
    }

    static async Task SignIn(RestClient rc)
    {
        var code = Env("${ENV.authCode}");
        var verifier = Env("${ENV.codeVerifier}");
        if (code == null)
        {
            // PKCE (S256) and a fresh state for this sign-in only.
            verifier = RandomBase64Url(32);
            var state = RandomBase64Url(16);
            string challenge;
            using (var sha256 = SHA256.Create()) challenge = Base64Url(sha256.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
            Console.WriteLine("1. Open this address in a browser and sign in:");
            Console.WriteLine(rc.server.ToString().TrimEnd('/') + "${PATHS.authorize}?response_type=code"
                + "&client_id=" + Uri.EscapeDataString(rc.clientId) + "&redirect_uri=" + Uri.EscapeDataString(RedirectUri)
                + "&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256");
            Console.WriteLine("2. Paste the address the browser was sent to (it starts with " + RedirectUri + "):");
            var pasted = (Console.ReadLine() ?? "").Trim();
            if (pasted.Length == 0) throw new SignInException("No address was pasted. Without a terminal, set ${ENV.authCode} and ${ENV.codeVerifier}.");
            var landed = new Uri(pasted);
            var parameters = ParseQuery(landed.Query.Length > 1 ? landed.Query : landed.Fragment);
            if (parameters.TryGetValue("error", out var error))
                throw new SignInException("RingCentral did not sign you in: " + error + " " + (parameters.TryGetValue("error_description", out var description) ? description : ""));
            if (!parameters.TryGetValue("state", out var returnedState) || returnedState != state)
                throw new SignInException("The pasted address does not carry the state this sign-in sent: it belongs to another sign-in (or was altered). Nothing was exchanged; run the program again.");
            if (!parameters.TryGetValue("code", out code)) throw new SignInException("The pasted address has no code parameter.");
        }
        else if (verifier == null)
        {
            throw new SignInException("${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.");
        }
        // redirect_uri must be the same string as in the authorize request.
        await rc.Authorize(new GetTokenRequest { grant_type = "authorization_code", code = code, redirect_uri = RedirectUri, code_verifier = verifier });
    }

    static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>();
        foreach (var pair in query.TrimStart('?', '#').Split('&'))
        {
            var separator = pair.IndexOf('=');
            if (separator <= 0) continue;
            result[Uri.UnescapeDataString(pair.Substring(0, separator).Replace('+', ' '))] = Uri.UnescapeDataString(pair.Substring(separator + 1).Replace('+', ' '));
        }
        return result;
    }`;
}

export function generateCsharp(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, [
    'Run:  dotnet new console -n RingCentralSignIn && cd RingCentralSignIn',
    '      dotnet add package RingCentral.Net     (then replace Program.cs with this file)',
    '      dotnet run',
  ]);
  const text = `${prefixLines(header, '// ')}
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using RingCentral;

class SignInException : Exception
{
    public SignInException(string message) : base(message) { }
}

/** What the token file holds: RingCentral's answer and when the access token expires (Unix seconds). */
class SavedSession
{
    public TokenInfo token { get; set; }
    public long expiresAt { get; set; }
}

static class Program
{
    const string RedirectUri = ${csharpLiteral(settings.redirectUri)};
    static readonly string TokenFile = Env("${ENV.tokenFile}") ?? "ringcentral-tokens.json";
    static readonly string LockFile = TokenFile + ".lock";

    static string Env(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    static SavedSession LoadSession()
    {
        if (!File.Exists(TokenFile)) return null;
        try
        {
            return JsonConvert.DeserializeObject<SavedSession>(File.ReadAllText(TokenFile));
        }
        catch (JsonException)
        {
            throw new SignInException(TokenFile + " is not valid JSON: delete it and sign in again.");
        }
    }

    /** Written whole, then renamed: a crash never leaves half a file. Keep it private (on Unix: chmod 600). */
    static void SaveSession(TokenInfo token)
    {
        var session = new SavedSession { token = token, expiresAt = Now() + (token.expires_in ?? 3600) };
        File.WriteAllText(TokenFile + ".tmp", JsonConvert.SerializeObject(session));
        if (File.Exists(TokenFile)) File.Replace(TokenFile + ".tmp", TokenFile, null);
        else File.Move(TokenFile + ".tmp", TokenFile);
    }

    /** One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once. */
    static async Task Refresh(RestClient rc)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using (new FileStream(LockFile, FileMode.CreateNew)) { }
                break;
            }
            catch (IOException) when (File.Exists(LockFile))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(LockFile) > TimeSpan.FromSeconds(60))
                {
                    File.Delete(LockFile); // left behind by a run that crashed
                    continue;
                }
                if (DateTime.UtcNow > deadline) throw new SignInException("Another run has been refreshing for 30 s (" + LockFile + ").");
                Thread.Sleep(100);
            }
        }
        try
        {
            var latest = LoadSession();
            if (latest != null && latest.token.refresh_token != rc.token.refresh_token)
            {
                rc.token = latest.token; // another run refreshed while this one waited
                return;
            }
            if (string.IsNullOrEmpty(rc.token.refresh_token))
                throw new SignInException("No refresh token: turn on \\"Issue refresh tokens?\\" in the Developer Console, then delete " + TokenFile + " and sign in again.");
            await rc.Refresh();
            SaveSession(rc.token); // at once: the refresh token just used is dead
        }
        finally
        {
            File.Delete(LockFile);
        }
    }

${signInMethod(settings)}

    static async Task<int> Main()
    {
        // With a client secret, token requests use HTTP Basic; without one (a public PKCE app), client_id in the body.
        var rc = new RestClient(
            Env("${ENV.clientId}") ?? ${csharpLiteral(settings.clientId)},
            Env("${ENV.clientSecret}"),
            (Env("${ENV.server}") ?? ${csharpLiteral(settings.server)}).TrimEnd('/'));
        try
        {
            var saved = LoadSession();
            if (saved == null)
            {
                await SignIn(rc);
                SaveSession(rc.token);
                Console.WriteLine("Signed in; tokens saved to " + TokenFile);
            }
            else
            {
                rc.token = saved.token;
                if (saved.expiresAt - Now() < 60) await Refresh(rc);
            }
            GetExtensionInfoResponse me;
            try
            {
                me = await rc.Restapi().Account().Extension().Get();
            }
            catch (RestException error) when (error.httpResponseMessage?.StatusCode == HttpStatusCode.Unauthorized)
            {
                await Refresh(rc); // expired or revoked early: refresh once, then retry
                me = await rc.Restapi().Account().Extension().Get();
            }
            Console.WriteLine("Signed in as " + me.name + " (extension " + me.id + ")");
            return 0;
        }
        catch (Exception error) when (error is SignInException || error is RestException)
        {
            // A RestException's message carries RingCentral's answer: errors[0].errorCode (OAU-xxx, CMN-xxx).
            Console.Error.WriteLine("Error: " + error.Message);
            return 1;
        }
    }
}
`;
  return { language: 'csharp', fileName: 'Program.cs', text, warnings: settings.warnings };
}
