namespace SkillsAcademy.Web.Platform;

/// <summary>Data a feature needs in every database (roles, occupations). Seeding must be idempotent.</summary>
public interface ISeedData
{
    Task SeedAsync(CancellationToken cancellationToken);
}
