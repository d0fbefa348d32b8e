using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// The real-name profile (实名): the resident ID number is checked (GB 11643), stored only encrypted, found by a
/// keyed hash that makes it unique across accounts, and shown masked. It is never logged.
/// </summary>
public sealed class ProfileService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IValidator<ProfileRequest> validator,
    PersonalDataProtector personalData,
    TimeProvider timeProvider,
    IOptions<PlatformOptions> platform,
    IStringLocalizer<SharedResource> localizer,
    IAuthorizationService authorization)
{
    public const string IdNumberRevealedAction = "PersonalData.IdNumberRevealed";

    /// <summary>
    /// A learner's full ID number for a staff member holding the reveal permission. The audit entry is written
    /// before the number is decrypted: no reveal without its trace. Null when refused or there is no profile.
    /// </summary>
    public async Task<string?> RevealIdNumberAsync(System.Security.Claims.ClaimsPrincipal staff, Guid learnerId, CancellationToken cancellationToken = default)
    {
        if (!(await authorization.AuthorizeAsync(staff, Policies.RevealPersonalData)).Succeeded)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var protectedNumber = await db.LearnerProfiles.AsNoTracking().Where(p => p.UserId == learnerId).Select(p => p.IdNumberProtected).SingleOrDefaultAsync(cancellationToken);
        if (protectedNumber is null)
        {
            return null;
        }

        db.AuditEntries.Add(new Domain.Auditing.AuditEntry(timeProvider.GetUtcNow(), staff.UserId(), IdNumberRevealedAction, learnerId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return personalData.Unprotect(protectedNumber);
    }

    public async Task<ProfileView?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.LearnerProfiles.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Join(db.Enterprises, p => p.EnterpriseId, e => e.Id, (p, e) => new ProfileView(p.RealName, p.IdNumberMasked, e.Name, p.RegionCode, p.UnionMember))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> IsCompleteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.LearnerProfiles.AnyAsync(p => p.UserId == userId, cancellationToken);
    }

    /// <summary>The regions below <paramref name="parentCode"/> (provinces when null), for the pickers.</summary>
    public async Task<IReadOnlyList<Region>> ListRegionsAsync(string? parentCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Children share their parent's code prefix (GB/T 2260): xx0000 -> xxyy00 -> xxyyzz.
        var prefix = parentCode is null ? "" : parentCode.TrimEnd('0').PadRight(parentCode.EndsWith("0000", StringComparison.Ordinal) ? 2 : 4, '0');
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(prefix))
            .OrderBy(r => r.Code)
            .ToListAsync(cancellationToken);
        return regions.Where(r => r.ParentCode == parentCode).ToList();
    }

    public async Task<IReadOnlyList<string>> SuggestEnterprisesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            query = query.Where(e => e.Name.Contains(text.Trim()));
        }

        return await query.OrderBy(e => e.Name).Select(e => e.Name).Take(20).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string[]>> SaveAsync(Guid userId, ProfileRequest request, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        }

        var today = new PlatformCalendar(platform.Value.GetTimeZone()).Today(timeProvider);
        var idNumber = ResidentIdNumber.Parse(request.IdNumber, today);
        var hash = personalData.LookupHash(PersonalDataKind.ResidentIdNumber, idNumber.Value);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Regions.AnyAsync(r => r.Code == request.RegionCode, cancellationToken))
        {
            return Error(nameof(ProfileRequest.RegionCode), localizer["Profile.RegionRequired"]);
        }

        if (await db.LearnerProfiles.AnyAsync(p => p.IdNumberHash == hash && p.UserId != userId, cancellationToken))
        {
            return Error(nameof(ProfileRequest.IdNumber), localizer["Profile.IdNumberTaken"]);
        }

        var enterpriseName = request.EnterpriseName.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Name == enterpriseName, cancellationToken);
        if (enterprise is null)
        {
            enterprise = new Enterprise(enterpriseName, request.RegionCode);
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync(cancellationToken);
        }

        var profile = await db.LearnerProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new LearnerProfile(userId);
            db.LearnerProfiles.Add(profile);
        }

        profile.Update(request.RealName, personalData.Protect(idNumber.Value), hash, idNumber.Masked,
            enterprise.Id, request.RegionCode, request.UnionMember, timeProvider.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same ID number was saved for another account at the same moment, or the enterprise name raced.
            return Error(nameof(ProfileRequest.IdNumber), localizer["Profile.IdNumberTaken"]);
        }

        return new Dictionary<string, string[]>();
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}

public sealed record ProfileView(string RealName, string IdNumberMasked, string EnterpriseName, string RegionCode, bool UnionMember);
