using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Catalog;

public sealed class CatalogService(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    public async Task<IReadOnlyList<OccupationSummary>> ListOccupationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Occupations
            .AsNoTracking()
            .OrderBy(o => o.Code)
            .Select(o => new OccupationSummary(o.Id, o.Code, o.Name, o.EnglishName))
            .ToListAsync(cancellationToken);
    }
}

public sealed record OccupationSummary(int Id, string Code, string Name, string EnglishName);
