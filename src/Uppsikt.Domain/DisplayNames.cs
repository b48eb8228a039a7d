using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Uppsikt.Domain;

/// <summary>The Swedish name of an enum value, from its <see cref="DisplayAttribute"/>; the code name when it has none.</summary>
public static class DisplayNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of(Enum value) =>
        Names.GetOrAdd(value, v => v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());
}
