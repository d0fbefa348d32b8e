using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Features.Vouchers;

/// <summary>
/// The platform on a real SQLite file with a clock the tests move and no Hangfire worker: the tests run the
/// voucher jobs themselves, so they decide when and how often (twice at once, after a crash).
/// </summary>
public sealed class VoucherAppFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();
    private int _serial = 100;
    private long _mobile = 13_900_000_000;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    /// <summary>The folder of the SQLite files, for other app processes on the same database.</summary>
    public string DataDirectory => _data.Path;

    public Guid StaffId { get; private set; }

    public Guid InstructorId { get; private set; }

    public ValueTask InitializeAsync()
    {
        Factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }, Time);
        Factory.Server.ShouldNotBeNull();
        return new ValueTask(LoadDemoAccountsAsync());
    }

    private async Task LoadDemoAccountsAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        StaffId = (await users.FindByEmailAsync(SkillsAcademyWebFactory.StaffAccount))!.Id;
        InstructorId = (await users.FindByEmailAsync(SkillsAcademyWebFactory.InstructorAccount))!.Id;
    }

    public T Service<T>() where T : notnull => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public Task<SkillsAcademyDbContext> DbAsync() => Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    public DateTime Today => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Date;

    /// <summary>A learner account with a mobile number and, unless told otherwise, a completed real-name profile.</summary>
    public async Task<TestLearner> NewLearnerAsync(bool profile = true, string region = "350102", bool unionMember = true)
    {
        var mobile = Interlocked.Increment(ref _mobile).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var scope = Factory.Services.CreateScope();
        var personalData = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var hash = personalData.LookupHash(PersonalDataKind.MobileNumber, mobile);
        var user = new ApplicationUser
        {
            UserName = ApplicationUser.UserNameForMobileHash(hash), DisplayName = "职工", MobileLookupHash = hash,
            MobileNumberProtected = personalData.Protect(mobile), CreatedAt = Time.GetUtcNow(),
        };
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, SkillsAcademy.Domain.People.Roles.Learner)).Succeeded.ShouldBeTrue();
        var idNumber = ValidIdNumber(Interlocked.Increment(ref _serial));
        if (profile)
        {
            var errors = await scope.ServiceProvider.GetRequiredService<ProfileService>().SaveAsync(user.Id, new ProfileRequest
            {
                RealName = "陈建华", IdNumber = idNumber, EnterpriseName = "福州示例机械有限公司", RegionCode = region, UnionMember = unionMember,
            });
            errors.ShouldBeEmpty();
        }

        return new TestLearner(user.Id, mobile, idNumber);
    }

    /// <summary>A batch whose vouchers are generated (the job run here, as the worker would).</summary>
    public async Task<int> NewBatchAsync(int quantity = 5, decimal faceValue = 300m, int[]? courseIds = null, string[]? regions = null, bool unionOnly = false, int days = 30)
    {
        var creation = await Service<VoucherService>().CreateBatchAsync(StaffId, new VoucherBatchRequest
        {
            Name = $"测试批次 {Guid.NewGuid():N}"[..20], FundingSource = "工会职工教育经费", FaceValue = faceValue, Quantity = quantity,
            CourseIds = courseIds ?? [], RegionCodes = regions ?? [], UnionMembersOnly = unionOnly,
            ValidFrom = Today, ValidUntil = Today.AddDays(days),
        });
        creation.Errors.ShouldBeEmpty();
        await Service<VoucherBatchGenerationJob>().RunAsync(creation.BatchId!.Value, CancellationToken.None);
        return creation.BatchId.Value;
    }

    /// <summary>Issues one voucher of the batch to each learner through a CSV import and returns the voucher ids.</summary>
    public async Task<int[]> IssueAsync(int batchId, params TestLearner[] learners)
    {
        var csv = "手机号\n" + string.Join("\n", learners.Select(l => l.Mobile));
        var report = await Service<VoucherService>().ImportAsync(batchId, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "list.csv");
        report.Problem.ShouldBeNull();
        await using var db = await DbAsync();
        var ids = learners.Select(l => l.Id).ToList();
        var vouchers = await db.Vouchers.Where(v => v.BatchId == batchId && v.LearnerId != null && ids.Contains(v.LearnerId.Value))
            .Select(v => new { v.Id, LearnerId = v.LearnerId!.Value }).ToListAsync();
        return learners.Select(l => vouchers.Single(v => v.LearnerId == l.Id).Id).ToArray();
    }

    public async Task<int> CourseIdAsync(string code)
    {
        await using var db = await DbAsync();
        return await db.Courses.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Imports and publishes a test course (owned by <paramref name="ownerId"/> if given).</summary>
    public async Task ImportCourseAsync(string code, bool voucherRequired, Guid? ownerId)
    {
        var package = CoursePackages.Valid(code, $"测试课程 {code}") with { VoucherRequired = voucherRequired };
        var result = await Service<CourseImportService>().ImportAsync(CoursePackages.Source(package), new CourseImportOptions(Publish: true, OwnerId: ownerId));
        result.Errors.ShouldBeEmpty();
    }

    // A valid GB 11643 number per serial, so each test learner is a different person.
    private static string ValidIdNumber(int serial)
    {
        var body = $"35010219900115{serial % 1000:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }
}

public sealed record TestLearner(Guid Id, string Mobile, string IdNumber);
