using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once: Identity's own provider
/// accepts the same code again for as long as it is valid, so a code read over a shoulder or replayed from a phished
/// page would open a second session (ASVS 5.0 V6.5: a time-based code is usable only once). The last accepted step
/// is kept as a user token and written together with the user's concurrency stamp, so of two sign-ins racing with
/// one code only one is let in. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(TimeProvider timeProvider) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string TokenLoginProvider = "[SkillsAcademy]";
    public const string LastStepTokenName = "AuthenticatorLastStep";

    /// <summary>Steps either side of now that are still accepted: phone clocks drift.</summary>
    public const int AllowedDrift = 2;

    private const int StepSeconds = 30;
    private const int Digits = 6;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (token is not { Length: Digits } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || !TryDecodeBase32(key, out var secret))
        {
            return false;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding(Code(secret, step)), Encoding(token)))
            {
                matched = step;
            }
        }

        if (matched is not { } accepted)
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && accepted <= used)
        {
            return false;
        }

        // Fails on a concurrency-stamp conflict: another request used a code for this user at the same moment.
        var saved = await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName, accepted.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }

    /// <summary>The code for one time step (RFC 6238 / RFC 4226 dynamic truncation).</summary>
    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, the form Identity stores authenticator keys in.</summary>
    internal static bool TryDecodeBase32(string text, out byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                bytes = [];
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        bytes = [.. output];
        return bytes.Length > 0;
    }

    private static byte[] Encoding(string code) => System.Text.Encoding.ASCII.GetBytes(code);
}
