using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SkillsAcademy.Infrastructure.Credentials;

/// <summary>The outcome of checking a signed credential: the credential when the signature holds, else why not.</summary>
public sealed record CredentialVerification(bool IsValid, JsonObject? Credential, string? Failure)
{
    internal static CredentialVerification Fail(string failure) => new(false, null, failure);
}

/// <summary>
/// Secures credentials as W3C "VC-JOSE-COSE" JWTs: a compact JWS (RFC 7515) with ES256 (ECDSA P-256, SHA-256),
/// header <c>{"alg":"ES256","typ":"vc+jwt","cty":"vc","kid":…}</c>, the credential JSON itself as payload.
/// Chosen over Data Integrity proofs because it needs no JSON-LD canonicalisation: the signature covers the
/// exact bytes, so any change to the JSON fails verification. The public key is published as a JWK whose
/// kid is its RFC 7638 thumbprint.
/// </summary>
public sealed class CredentialSigner : IDisposable
{
    private const string Algorithm = "ES256";
    private const string MediaType = "vc+jwt";

    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    public CredentialSigner(IOptions<CredentialSigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = ECDsa.Create();
        _key.ImportFromPem(options.Value.SigningKeyPem);
        PublicJwk = ToJwk(_key.ExportParameters(includePrivateParameters: false));
        KeyId = (string)PublicJwk["kid"]!;
    }

    /// <summary>The RFC 7638 thumbprint of the public key, put in every JWS header.</summary>
    public string KeyId { get; }

    /// <summary>The public key to publish (e.g. in a JWK Set): kty, crv, x, y, kid, alg, use.</summary>
    public JsonObject PublicJwk { get; }

    /// <summary>The credential as a compact JWS: header.payload.signature, each base64url.</summary>
    public string Sign(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = MediaType, ["cty"] = "vc", ["kid"] = KeyId };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(credential));
        byte[] signature;
        lock (_gate)
        {
            // .NET signs in IEEE P1363 form (r || s), which is what JWS ES256 wants.
            signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        }

        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>Checks a JWS made by <see cref="Sign"/> against this platform's key.</summary>
    public CredentialVerification Verify(string jws) => Verify(jws, PublicJwk);

    /// <summary>Checks a JWS against a published public JWK, as any third party would.</summary>
    public static CredentialVerification Verify(string jws, JsonObject publicJwk)
    {
        ArgumentNullException.ThrowIfNull(publicJwk);
        if (string.IsNullOrWhiteSpace(jws))
        {
            return CredentialVerification.Fail("The credential is empty.");
        }

        var parts = jws.Trim().Split('.');
        if (parts.Length != 3)
        {
            return CredentialVerification.Fail("A compact JWS has three parts separated by dots.");
        }

        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != Algorithm)
            {
                return CredentialVerification.Fail($"Only {Algorithm} signatures are accepted.");
            }

            if (header["kid"]?.GetValue<string>() is { } kid && publicJwk["kid"]?.GetValue<string>() is { } expected && kid != expected)
            {
                return CredentialVerification.Fail("The credential was signed with another key.");
            }

            using var key = ECDsa.Create(FromJwk(publicJwk));
            var valid = key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256);
            if (!valid)
            {
                return CredentialVerification.Fail("The signature does not match the credential.");
            }

            return JsonNode.Parse(FromBase64Url(parts[1])) is JsonObject credential
                ? new CredentialVerification(true, credential, null)
                : CredentialVerification.Fail("The payload is not a JSON object.");
        }
        catch (FormatException)
        {
            return CredentialVerification.Fail("A part of the JWS is not base64url.");
        }
        catch (JsonException)
        {
            return CredentialVerification.Fail("A part of the JWS is not JSON.");
        }
        catch (InvalidOperationException)
        {
            return CredentialVerification.Fail("The JWS header has a field of the wrong type.");
        }
    }

    public void Dispose() => _key.Dispose();

    private static JsonObject ToJwk(ECParameters parameters)
    {
        var x = Base64Url(parameters.Q.X!);
        var y = Base64Url(parameters.Q.Y!);
        // RFC 7638: the required members in lexicographic order, no white space.
        var thumbprint = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}")));
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = x,
            ["y"] = y,
            ["kid"] = thumbprint,
            ["alg"] = Algorithm,
            ["use"] = "sig",
        };
    }

    private static ECParameters FromJwk(JsonObject jwk)
    {
        if (jwk["kty"]?.GetValue<string>() != "EC" || jwk["crv"]?.GetValue<string>() != "P-256")
        {
            throw new FormatException("The JWK is not an EC P-256 key.");
        }

        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = FromBase64Url(jwk["x"]?.GetValue<string>() ?? throw new FormatException("The JWK has no x.")),
                Y = FromBase64Url(jwk["y"]?.GetValue<string>() ?? throw new FormatException("The JWK has no y.")),
            },
        };
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] FromBase64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
