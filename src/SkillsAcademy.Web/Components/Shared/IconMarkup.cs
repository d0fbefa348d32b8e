using Microsoft.AspNetCore.Components;

namespace SkillsAcademy.Web.Components.Shared;

/// <summary>
/// The markup MudIcon writes for a small icon, as a constant: pages that repeat an icon per row (a course outline of
/// 64 lessons) would otherwise keep one component, with render-tree buffers of its own, per row in every open circuit.
/// Only for MudBlazor's <c>Icons</c> constants (compile-time SVG paths) and literal class names — never user input;
/// <c>SourceRulesTests</c> checks every call.
/// </summary>
public static class IconMarkup
{
    public static MarkupString Svg(string classes, string icon) =>
        new($"<svg class=\"mud-icon-root {classes} mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" aria-hidden=\"true\">{icon}</svg>");
}
