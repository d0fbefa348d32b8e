using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite without starting the web app; no connection is opened.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SkillsAcademyDbContext>
{
    public SkillsAcademyDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        builder.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SkillsAcademyDbContext(builder.Options);
    }
}
