namespace SkillsAcademy.Web.Resources;

/// <summary>
/// Marker for the shared UI strings: SharedResource.resx is zh-CN (the neutral, default language),
/// SharedResource.en.resx is English. Keys are "Area.Name".
/// </summary>
public sealed class SharedResource;
