using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Personal data (ASVS 5.0 V14 Data Protection): after a run through everything that touches resident ID numbers (profiles, staff
/// search and audited reveal, voucher import, certificate, record exports, a rejected number), no checksum-valid
/// ID number is in clear in any file of the data folder (SQLite database, WAL, job storage, files) or in any line
/// the app logged, at Debug level. Revealing a full number needs the permission and leaves an audit entry.
/// </summary>
public sealed class PersonalDataTests : IAsyncLifetime
{
    private const string Password = "Pdata2026pass";
    private const string Course = "SHEET-L5-BASICS";
    private readonly TestDataDirectory _data = new();
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplicationFactory<Program> _factory = default!;

    public ValueTask InitializeAsync()
    {
        _factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Debug",
            // Debug lines go to the captured log only, not to the test output.
            ["Logging:Console:LogLevel:Default"] = "Warning",
        }).WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(_logs)));
        _factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    private T Service<T>() where T : notnull => _factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<(Guid Id, string Mobile)> RegisterThroughThePageAsync(string mobile)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Account"] = mobile,
            ["Input.DisplayName"] = "实名学员",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        var masked = mobile[..3] + "****" + mobile[^4..];
        var id = await db.Users.Where(u => u.MobileNumberMasked == masked).OrderByDescending(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
        return (id, mobile);
    }

    private async Task<ClaimsPrincipalFor> StaffAsync(bool withPermission)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        ApplicationUser user;
        if (withPermission)
        {
            user = (await users.FindByEmailAsync(SkillsAcademyWebFactory.StaffAccount))!;
        }
        else
        {
            var email = $"staff-{Guid.NewGuid():N}@example.com";
            user = new ApplicationUser { UserName = email, Email = email, DisplayName = "另一位工作人员", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.FederationStaff)).Succeeded.ShouldBeTrue();
        }

        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        return new ClaimsPrincipalFor(user.Id, principal);
    }

    [Fact]
    public async Task No_plain_id_number_is_in_the_database_files_or_the_log_after_every_flow_that_handles_one()
    {
        const string first = "11010519491231002X";
        var second = IdNumberScanner.ValidNumber(731);
        var learnerA = await RegisterThroughThePageAsync("13912345671");
        var learnerB = await RegisterThroughThePageAsync("13912345672");
        var profiles = Service<ProfileService>();
        (await profiles.SaveAsync(learnerA.Id, Profile("林秀英", first))).ShouldBeEmpty();
        (await profiles.SaveAsync(learnerB.Id, Profile("陈建华", second.ToLowerInvariant()))).ShouldBeEmpty();
        // A wrong check character is refused; the message must not carry the number either.
        (await profiles.SaveAsync(learnerB.Id, Profile("陈建华", second[..17] + (second[17] == '1' ? "2" : "1")))).ShouldNotBeEmpty();

        // Staff find learners by ID number (through the keyed hash) and reveal one, audited.
        var records = Service<LearningRecordService>();
        (await records.FindLearnersAsync(first)).ShouldHaveSingleItem().IdNumberMasked.ShouldBe("110***********002X");
        (await records.FindLearnersAsync(second)).ShouldHaveSingleItem();
        var staff = await StaffAsync(withPermission: true);
        (await profiles.RevealIdNumberAsync(staff.Principal, learnerA.Id)).ShouldBe(first);

        // Vouchers issued by an import that names learners by ID number.
        var vouchers = Service<VoucherService>();
        var batch = await vouchers.CreateBatchAsync(staff.Id, new VoucherBatchRequest
        {
            Name = "实名导入批次", FundingSource = "工会职工教育经费", FaceValue = 100m, Quantity = 3, CourseIds = [], RegionCodes = [], UnionMembersOnly = false,
            ValidFrom = DateTime.UtcNow.Date, ValidUntil = DateTime.UtcNow.Date.AddDays(30),
        });
        batch.Errors.ShouldBeEmpty();
        await Service<VoucherBatchGenerationJob>().RunAsync(batch.BatchId!.Value, CancellationToken.None);
        var csv = $"身份证号\n{first}\n{second}\n{IdNumberScanner.ValidNumber(999)}\n";
        (await vouchers.ImportAsync(batch.BatchId.Value, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "list.csv")).ShouldNotBeNull();

        // A certificate (it carries the masked number), its PDF and the learner's record exports.
        (await Service<LearningService>().EnrolAsync(learnerA.Id, Course)).ShouldBe(EnrolmentOutcome.Enrolled);
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync())
        {
            await db.Enrolments.Where(e => e.LearnerId == learnerA.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, DateTimeOffset.UtcNow));
            var enrolment = await db.Enrolments.Where(e => e.LearnerId == learnerA.Id).Select(e => e.Id).SingleAsync();
            (await Service<CertificateService>().IssueAsync(enrolment)).Outcome.ShouldBe(IssueOutcome.Issued);
        }

        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.LogInAsync(learnerA.Mobile, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var serial = (await Service<CertificateService>().ListMineAsync(learnerA.Id)).Single().Serial;
        var downloads = new[] { $"/certificates/{serial}/certificate.pdf", $"/certificates/{serial}/credential.jwt", "/learning-record/export.csv", "/learning-record/export.pdf", "/profile" };
        foreach (var path in downloads)
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            IdNumberScanner.FindAll(Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync())).ShouldBeEmpty(path);
        }

        // Now look at everything the app wrote: every file of the data folder, and every log line.
        SqliteConnection.ClearAllPools();
        var files = Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories).ToList();
        files.ShouldContain(f => f.EndsWith(".db", StringComparison.Ordinal));
        var inFiles = files.SelectMany(f => IdNumberScanner.FindAllInFile(f).Select(n => $"{Path.GetFileName(f)}: {n}")).ToList();
        inFiles.ShouldBeEmpty();
        _logs.Entries.Count.ShouldBeGreaterThan(100, "the log was captured at Debug level");
        IdNumberScanner.FindAll(_logs.AllText).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_full_id_number_is_revealed_only_with_the_permission_and_every_reveal_is_audited()
    {
        var learner = await RegisterThroughThePageAsync("13912345673");
        var number = IdNumberScanner.ValidNumber(732);
        var profiles = Service<ProfileService>();
        (await profiles.SaveAsync(learner.Id, Profile("王小明", number))).ShouldBeEmpty();
        var permitted = await StaffAsync(withPermission: true);
        var notPermitted = await StaffAsync(withPermission: false);
        ClaimsPrincipalFor learnerPrincipal;
        using (var scope = _factory.Services.CreateScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(learner.Id.ToString()))!;
            learnerPrincipal = new ClaimsPrincipalFor(user.Id, await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user));
        }

        (await profiles.RevealIdNumberAsync(notPermitted.Principal, learner.Id)).ShouldBeNull();
        (await profiles.RevealIdNumberAsync(learnerPrincipal.Principal, learner.Id)).ShouldBeNull();
        (await profiles.RevealIdNumberAsync(permitted.Principal, learner.Id)).ShouldBe(number);
        (await profiles.RevealIdNumberAsync(permitted.Principal, learner.Id)).ShouldBe(number);

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(a => a.Action == ProfileService.IdNumberRevealedAction && a.Subject == learner.Id.ToString()).ToListAsync();
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.ActorId == permitted.Id);
        audit.ShouldAllBe(a => a.Detail == null);
    }

    private static ProfileRequest Profile(string name, string idNumber) => new()
    {
        RealName = name, IdNumber = idNumber, EnterpriseName = "福州示例机械有限公司", RegionCode = "350102", UnionMember = true,
    };

    private sealed record ClaimsPrincipalFor(Guid Id, System.Security.Claims.ClaimsPrincipal Principal);
}
