namespace SkillsAcademy.Web.Features.Statistics;

public static class StatisticsRegistration
{
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatisticsService>();
        builder.Services.AddScoped<Generation.DemoDataGenerator>();
        return builder;
    }
}
