using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for SqlServer without starting the web app; no connection is opened.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SkillsAcademyDbContext>
{
    public SkillsAcademyDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        builder.UseSkillsAcademyDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=SkillsAcademy;Trusted_Connection=True;TrustServerCertificate=True");
        return new SkillsAcademyDbContext(builder.Options);
    }
}
