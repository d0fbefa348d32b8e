using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Platform.Security;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Authenticator (TOTP, RFC 6238) two-step sign-in: set-up with a QR code or the key typed in, confirmation with
/// a code, recovery codes, and the second step of a log-in. Identity's authenticator token provider checks codes;
/// a wrong code counts towards the account's lockout like a wrong password.
/// </summary>
public sealed partial class TwoFactorService(
    UserManager<ApplicationUser> userManager,
    IUserStore<ApplicationUser> userStore,
    SignInManager<ApplicationUser> signInManager,
    ActionRateLimiter rateLimiter,
    IOptions<SecurityOptions> security,
    ILogger<TwoFactorService> logger)
{
    private readonly IUserAuthenticatorKeyStore<ApplicationUser> keyStore = userStore as IUserAuthenticatorKeyStore<ApplicationUser>
        ?? throw new InvalidOperationException("The user store does not keep authenticator keys.");

    public const string Issuer = "SkillsAcademy";
    public const int RecoveryCodeCount = 10;

    /// <summary>The claim Identity adds when a sign-in used a second factor ("amr": "mfa").</summary>
    public const string AuthenticationMethodClaim = "amr";
    public const string MultiFactorMethod = "mfa";

    /// <summary>Staff and administrators must use two-step sign-in when the setting says so.</summary>
    public static bool IsRequiredFor(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireMfaForStaff && (user.IsInRole(Roles.FederationStaff) || user.IsInRole(Roles.Admin));

    /// <summary>True when this session was signed in with a second factor.</summary>
    public static bool SignedInWithSecondFactor(ClaimsPrincipal user) =>
        user.HasClaim(AuthenticationMethodClaim, MultiFactorMethod);

    public async Task<TwoFactorStatus> GetStatusAsync(ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The user is not signed in.");
        return new TwoFactorStatus(
            await userManager.GetTwoFactorEnabledAsync(user),
            await userManager.CountRecoveryCodesAsync(user),
            IsRequiredFor(principal, security.Value));
    }

    /// <summary>The key to enter into an authenticator app (new if the user has none), as text and as a QR code.</summary>
    public async Task<AuthenticatorSetup> GetSetupAsync(ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The user is not signed in.");
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it also renews the security stamp, so merely opening this page would
            // sign the user out everywhere, this browser included, at the next periodic check. A first key changes
            // nothing about how the account signs in until it is confirmed with a code.
            key = userManager.GenerateNewAuthenticatorKey();
            await keyStore.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            var saved = await userManager.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
            }
        }

        var account = user.Email ?? user.MobileNumberMasked ?? user.DisplayName;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Grouped(key!), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>
    /// Turns two-step sign-in on once the app shows a matching code; returns the recovery codes (shown once) and
    /// signs the user in again with the second factor recorded, or null when the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string? code)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The user is not signed in.");
        var normalized = Normalise(code);
        if (normalized.Length != 6 || !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            return null;
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AuthenticationMethodClaim, MultiFactorMethod)]);
        LogEnabled(user.Id);
        return codes;
    }

    /// <summary>New recovery codes replace the old ones.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The user is not signed in.");
        return (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
    }

    /// <summary>Turns two-step sign-in off (refused where it is required) and forgets the key.</summary>
    public async Task<bool> DisableAsync(ClaimsPrincipal principal)
    {
        if (IsRequiredFor(principal, security.Value))
        {
            return false;
        }

        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The user is not signed in.");
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        LogDisabled(user.Id);
        return true;
    }

    /// <summary>The second step of a log-in: an authenticator code, or one of the recovery codes (each works once).</summary>
    public async Task<SignInOutcome> SignInWithCodeAsync(string? code, bool useRecoveryCode, bool rememberMe, string clientKey)
    {
        if (!rateLimiter.TryAcquire(LimitedAction.LogIn, clientKey))
        {
            return SignInOutcome.TooManyAttempts;
        }

        var result = useRecoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync((code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim())
            : await signInManager.TwoFactorAuthenticatorSignInAsync(Normalise(code), rememberMe, rememberClient: false);
        return result switch
        {
            { Succeeded: true } => SignInOutcome.Succeeded,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            { IsNotAllowed: true } => SignInOutcome.NotAllowed,
            _ => SignInOutcome.InvalidCredentials,
        };
    }

    /// <summary>Whether a password step is waiting for its second step in this browser.</summary>
    public async Task<bool> HasPendingSignInAsync() => await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;

    private static string Normalise(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    // "ABCD EFGH ..." is easier to type from a phone screen into another phone.
    private static string Grouped(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} turned two-step sign-in on")]
    private partial void LogEnabled(Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} turned two-step sign-in off")]
    private partial void LogDisabled(Guid userId);
}

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required);

public sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrCodeDataUri);
