using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>Adds the initial GB/T 2260 regions that are missing; the region pickers and statistics use them.</summary>
internal sealed class PeopleSeed(IDbContextFactory<SkillsAcademyDbContext> contextFactory) : ISeedData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = (await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (code, name) in ChineseRegions.Initial.Where(r => !existing.Contains(r.Code)))
        {
            db.Regions.Add(new Region(code, name));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
