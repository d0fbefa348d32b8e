using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Catalog;

public static class CatalogRegistration
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CatalogOptions>(builder.Configuration, CatalogOptions.SectionName, o => o.Validate());
        builder.Services.AddScoped<CatalogService>();
        builder.Services.AddSingleton<PublishedVersions>();
        builder.Services.AddOutputCache(CatalogCache.AddPolicy);
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddHostedService<CatalogCacheSync>();
        VisitorPageAntiforgery.Decorate(builder.Services);
        builder.Services.AddSingleton<ISeedData, CatalogSeed>();
        // After the occupations: samples name their occupation by code.
        builder.Services.AddSingleton<ISeedData, SampleCoursesSeed>();
        return builder;
    }
}
