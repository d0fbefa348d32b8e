using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Statistics;

public sealed class StatisticsService(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    /// <summary>Headline counts for the federation's overview: people per role and occupations offered.</summary>
    public async Task<PlatformOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var perRole = await db.Roles
            .Select(r => new { r.Name, Count = db.UserRoles.Count(ur => ur.RoleId == r.Id) })
            .ToDictionaryAsync(r => r.Name!, r => r.Count, cancellationToken);
        var occupations = await db.Occupations.CountAsync(cancellationToken);
        return new PlatformOverview(
            perRole.GetValueOrDefault(Roles.Learner),
            perRole.GetValueOrDefault(Roles.Instructor),
            occupations);
    }
}

public sealed record PlatformOverview(int Learners, int Instructors, int Occupations);
