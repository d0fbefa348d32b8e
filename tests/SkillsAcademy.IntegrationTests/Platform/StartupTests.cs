using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

public sealed class StartupTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task A_fresh_start_creates_the_database_in_wal_mode_and_seeds_roles_demo_accounts_and_occupations()
    {
        await using (var factory = new SkillsAcademyWebFactory(_data.Path))
        {
            var snapshot = await SnapshotAsync(factory);

            snapshot.Roles.ShouldBe(Roles.All.Order());
            snapshot.UsersWithRoles.Select(u => u.Role).Order().ShouldBe(Roles.All.Order());
            snapshot.Occupations.ShouldBe(NationalOccupations.Initial.Select(o => o.Code).Order());
        }

        File.Exists(Path.Combine(_data.Path, "skillsacademy.db")).ShouldBeTrue();
        File.Exists(Path.Combine(_data.Path, "hangfire.db")).ShouldBeTrue();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "skillsacademy.db")};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        ((string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("wal");
    }

    [Fact]
    public async Task A_second_start_on_the_same_data_changes_nothing()
    {
        DatabaseSnapshot first;
        await using (var factory = new SkillsAcademyWebFactory(_data.Path))
        {
            first = await SnapshotAsync(factory);
        }

        await using (var factory = new SkillsAcademyWebFactory(_data.Path))
        {
            var second = await SnapshotAsync(factory);

            second.Roles.ShouldBe(first.Roles);
            second.Occupations.ShouldBe(first.Occupations);
            second.UsersWithRoles.ShouldBe(first.UsersWithRoles);
        }
    }

    [Fact]
    public async Task Health_is_200_when_the_database_and_the_job_storage_answer()
    {
        await using var factory = new SkillsAcademyWebFactory(_data.Path);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("\"database\":\"Healthy\"");
        body.ShouldContain("\"jobs\":\"Healthy\"");
    }

    private static async Task<DatabaseSnapshot> SnapshotAsync(SkillsAcademyWebFactory factory)
    {
        factory.Server.ShouldNotBeNull();
        var contextFactory = factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await contextFactory.CreateDbContextAsync();
        var roles = await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync();
        var users = await db.Users
            .SelectMany(u => db.UserRoles.Where(ur => ur.UserId == u.Id), (u, ur) => new { u.Id, u.UserName, u.SecurityStamp, u.PasswordHash, ur.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new UserWithRole(x.Id, x.UserName!, x.SecurityStamp!, x.PasswordHash!, r.Name!))
            .ToListAsync();
        var occupations = await db.Occupations.Select(o => o.Code).OrderBy(c => c).ToListAsync();
        return new DatabaseSnapshot(roles, users.OrderBy(u => u.UserName).ToList(), occupations);
    }

    private sealed record DatabaseSnapshot(List<string> Roles, List<UserWithRole> UsersWithRoles, List<string> Occupations);

    private sealed record UserWithRole(Guid Id, string UserName, string SecurityStamp, string PasswordHash, string Role);

    public void Dispose() => _data.Dispose();
}
