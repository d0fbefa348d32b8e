using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SkillsAcademy.Infrastructure.Pdf;

/// <summary>Registers the PDF engine: one renderer for the app, since it holds the loaded fonts.</summary>
public static class PdfEngineRegistration
{
    public static IServiceCollection AddPdfEngine(this IServiceCollection services)
    {
        services.TryAddSingleton<IPdfRenderer, SkiaPdfRenderer>();
        return services;
    }
}
