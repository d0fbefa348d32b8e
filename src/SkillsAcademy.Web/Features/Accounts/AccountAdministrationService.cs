using System.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Auditing;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Administrators find an account (by e-mail, or by mobile number through its keyed hash), disable or enable it and
/// add or remove roles. Every change is checked here (Administration policy, not the caller's own account, at least
/// one active administrator left), gets a new security stamp and an audit entry in the same transaction; signed-in
/// sessions of the account notice within a minute (<see cref="AccountStateCheck"/>).
/// </summary>
public sealed partial class AccountAdministrationService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    PersonalDataProtector personalData,
    IAuthorizationService authorization,
    TimeProvider timeProvider,
    ILogger<AccountAdministrationService> logger)
{
    public const string DisabledAction = "Account.Disabled";
    public const string EnabledAction = "Account.Enabled";
    public const string RoleAddedAction = "Account.RoleAdded";
    public const string RoleRemovedAction = "Account.RoleRemoved";

    /// <summary>A disabled account is locked out until the end of time; a lockout after failed log-ins ends.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    private const int MaxMatches = 20;

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };

    /// <summary>Accounts whose e-mail or mobile number is exactly <paramref name="query"/>, or whose name contains it.</summary>
    public async Task<IReadOnlyList<UserSummary>> FindAsync(ClaimsPrincipal admin, string? query, CancellationToken cancellationToken = default)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0 || !await IsAdministratorAsync(admin))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<ApplicationUser> users;
        if (MobileNumber.LooksLikeMobileNumber(text))
        {
            // The number itself is never stored: its keyed hash finds the account.
            var hash = MobileNumber.TryParse(text, out var mobile) ? personalData.LookupHash(PersonalDataKind.MobileNumber, mobile.Value) : "";
            users = db.Users.Where(u => u.MobileLookupHash == hash);
        }
        else if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToUpperInvariant();
            users = db.Users.Where(u => u.NormalizedEmail == email);
        }
        else
        {
            users = db.Users.Where(u => u.DisplayName.Contains(text));
        }

        return await Summaries(db, users.OrderBy(u => u.DisplayName).Take(MaxMatches)).ToListAsync(cancellationToken);
    }

    public async Task<ManagedAccount?> GetAsync(ClaimsPrincipal admin, Guid userId, CancellationToken cancellationToken = default)
    {
        if (!await IsAdministratorAsync(admin))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var summary = await Summaries(db, db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var twoFactor = await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync(cancellationToken);
        return new ManagedAccount(summary, IsDisabled(summary.LockoutEnd), twoFactor, IsOwn: admin.UserId() == userId);
    }

    public Task<AccountChangeOutcome> SetDisabledAsync(ClaimsPrincipal admin, Guid userId, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, disabled ? DisabledAction : EnabledAction, detail: null, ownAccountRefused: disabled, async (users, user) =>
        {
            if (disabled)
            {
                Succeed(await users.SetLockoutEnabledAsync(user, true));
                Succeed(await users.SetLockoutEndDateAsync(user, DisabledUntil));
            }
            else
            {
                Succeed(await users.SetLockoutEndDateAsync(user, null));
                Succeed(await users.ResetAccessFailedCountAsync(user));
            }
        }, cancellationToken);

    public Task<AccountChangeOutcome> SetRoleAsync(ClaimsPrincipal admin, Guid userId, string role, bool member, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            return Task.FromResult(AccountChangeOutcome.UnknownRole);
        }

        return ChangeAsync(admin, userId, member ? RoleAddedAction : RoleRemovedAction, role, ownAccountRefused: !member && role == Roles.Admin, async (users, user) =>
        {
            if (await users.IsInRoleAsync(user, role) != member)
            {
                Succeed(member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role));
            }
        }, cancellationToken);
    }

    private async Task<AccountChangeOutcome> ChangeAsync(
        ClaimsPrincipal admin,
        Guid userId,
        string action,
        string? detail,
        bool ownAccountRefused,
        Func<UserManager<ApplicationUser>, ApplicationUser, Task> change,
        CancellationToken cancellationToken)
    {
        if (!await IsAdministratorAsync(admin))
        {
            return AccountChangeOutcome.NotAllowed;
        }

        // An administrator cannot lock themselves out: no disabling of, or Admin role removal from, their own account.
        if (ownAccountRefused && admin.UserId() == userId)
        {
            return AccountChangeOutcome.OwnAccount;
        }

        // UserManager saves through the scope's context; the audit entry and the last-administrator check share its transaction.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SkillsAcademyDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return AccountChangeOutcome.NotFound;
        }

        await change(users, user);
        // A new stamp ends the account's cookies and circuits at their next check, whatever else changed.
        Succeed(await users.UpdateSecurityStampAsync(user));
        // Counted after the change, inside the transaction: two administrators removing each other cannot both succeed.
        if (await ActiveAdministratorsAsync(db, cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return AccountChangeOutcome.LastAdministrator;
        }

        db.AuditEntries.Add(new AuditEntry(timeProvider.GetUtcNow(), admin.UserId(), action, userId.ToString(), detail));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(admin.UserId(), action, userId, detail);
        return AccountChangeOutcome.Done;
    }

    private async Task<int> ActiveAdministratorsAsync(SkillsAcademyDbContext db, CancellationToken cancellationToken)
    {
        var lockoutEnds = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => u.LockoutEnd)
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        return lockoutEnds.Count(end => end is null || end <= now);
    }

    private static IQueryable<UserSummary> Summaries(SkillsAcademyDbContext db, IQueryable<ApplicationUser> users) =>
        users.Select(u => new UserSummary(
            u.Id,
            u.DisplayName,
            u.MobileNumberMasked ?? u.Email ?? "",
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            u.LockoutEnd,
            u.CreatedAt));

    private async Task<bool> IsAdministratorAsync(ClaimsPrincipal admin) =>
        (await authorization.AuthorizeAsync(admin, Policies.Administration)).Succeeded;

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"An account change failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator {AdminId}: {Action} {Detail} for account {UserId}")]
    private partial void LogChanged(Guid adminId, string action, Guid userId, string? detail);
}

public enum AccountChangeOutcome
{
    Done,
    NotFound,
    NotAllowed,
    OwnAccount,
    LastAdministrator,
    UnknownRole,
}

public sealed record ManagedAccount(UserSummary Summary, bool IsDisabled, bool TwoFactorEnabled, bool IsOwn);
