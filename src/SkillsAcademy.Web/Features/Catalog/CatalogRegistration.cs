using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Catalog;

public static class CatalogRegistration
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogService>();
        builder.Services.AddSingleton<ISeedData, CatalogSeed>();
        return builder;
    }
}
