using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Catalog;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Features.Statistics.Generation;
using SkillsAcademy.Web.Features.Vouchers;
using SkillsAcademy.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.AddAccounts();
builder.AddAuthoring();
builder.AddCatalog();
builder.AddLearning();
builder.AddAssessment();
builder.AddCertificates();
builder.AddStatistics();
builder.AddVouchers();

var app = builder.Build();
if (args.Contains(DatabaseStartup.MigrateSwitch))
{
    // The upgrade step of a multi-node deployment: migrations and seeds once, then exit; nodes only check the schema.
    return await DatabaseStartup.RunFromCommandLineAsync(app.Services, Console.Out);
}

if (args.Contains(LearningRecordVerifier.CommandLineSwitch))
{
    // An operator's check of every learner's hash chain; the web server does not start.
    return await LearningRecordVerifier.RunFromCommandLineAsync(app.Services, Console.Out);
}

if (args.Contains(DemoDataCommandLine.Switch))
{
    // Province-scale demo data for dashboards, benchmarks and demos; the web server does not start.
    return await DemoDataCommand.RunFromCommandLineAsync(app.Services, args, Console.Out);
}

app.UsePlatform();
app.MapAccounts();
app.MapAuthoringEndpoints();
app.MapLearningEndpoints();
app.MapCertificateEndpoints();
app.MapStatisticsEndpoints();
app.MapVouchers();
app.MapPlatform();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
