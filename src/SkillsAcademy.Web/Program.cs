using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Catalog;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Features.Vouchers;
using SkillsAcademy.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.AddAccounts();
builder.AddAuthoring();
builder.AddCatalog();
builder.AddLearning();
builder.AddStatistics();
builder.AddVouchers();

var app = builder.Build();
app.UsePlatform();
app.MapAccounts();
app.MapAuthoringEndpoints();
app.MapVouchers();
app.MapPlatform();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
