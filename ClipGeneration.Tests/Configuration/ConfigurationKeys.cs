using System.Reflection;
using ClipGeneration.Core.Requests;

namespace ClipGeneration.Tests.Configuration;

/// <summary>
/// Every configuration key Core's options classes bind, in local.settings.json's form (<c>Section__Property</c>):
/// gathered by reflection from each options class with a <c>public const string SectionName</c>, so options
/// added later are covered without editing this test.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Keys read from local.settings.json / environment (sections not owned by host.json).</summary>
    public static IReadOnlyList<string> All() => Collect(hostJsonSections: false);

    /// <summary>Keys of options whose section is a top-level host.json section (e.g. <c>clipGeneration</c>).</summary>
    public static IReadOnlyList<string> HostJson() => Collect(hostJsonSections: true);

    private static IReadOnlyList<string> Collect(bool hostJsonSections)
    {
        var keys = new List<string>();
        foreach (var type in typeof(ClipRequestOptions).Assembly.GetExportedTypes())
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section
                && IsHostJsonSection(section) == hostJsonSections)
            {
                AddProperties(type, section.Replace(":", "__", StringComparison.Ordinal), keys, depth: 0);
            }
        }

        return [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static void AddProperties(Type type, string prefix, List<string> keys, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                keys.Add(key);
            }
            else if (propertyType.IsClass && depth < 3)
            {
                AddProperties(propertyType, key, keys, depth + 1);
            }
        }
    }

    // host.json sections are camelCase at the top level ("clipGeneration"); local.settings.json keys are PascalCase.
    private static bool IsHostJsonSection(string section) => !section.Contains(':', StringComparison.Ordinal) && char.IsLower(section[0]);

    private static bool IsScalar(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);
}
