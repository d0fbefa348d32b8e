using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>Adds the initial national occupations that are missing; existing rows are left as staff edited them.</summary>
internal sealed class CatalogSeed(IDbContextFactory<SkillsAcademyDbContext> contextFactory) : ISeedData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Occupations.Select(o => o.Code).ToListAsync(cancellationToken);
        foreach (var (code, name, englishName) in NationalOccupations.Initial.Where(o => !existing.Contains(o.Code)))
        {
            db.Occupations.Add(new Occupation(code, name, englishName));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
