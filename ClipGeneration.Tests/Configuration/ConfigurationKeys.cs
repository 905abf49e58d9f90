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
    public static IReadOnlyList<string> All()
    {
        var keys = new List<string>();
        foreach (var type in typeof(ClipRequestOptions).Assembly.GetExportedTypes())
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
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

    private static bool IsScalar(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);
}
