using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>
/// Anonymous visitors get the home, catalog and course pages from the output cache: rendered statically (no
/// circuit), varied by query and language, and evicted whenever a course is published. The cache is in each node's
/// memory: the node that publishes evicts at once, the others within Catalog:CacheSyncSeconds (<see cref="CatalogCacheSync"/>).
/// </summary>
public sealed class CatalogCache(IOutputCacheStore store)
{
    public const string PolicyName = "AnonymousCatalog";
    public const string Tag = "catalog";

    public static void AddPolicy(OutputCacheOptions options) =>
        options.AddPolicy(PolicyName, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Tag(Tag));

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);
}
