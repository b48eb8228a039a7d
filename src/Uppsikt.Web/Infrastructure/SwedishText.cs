using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain;

namespace Uppsikt.Web.Infrastructure;

/// <summary>How values are shown to people: Swedish names of enum values, Swedish dates and numbers.</summary>
public static class SwedishText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static string Name(this Enum value) => DisplayNames.Of(value);

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Culture) ?? "–";

    public static string Number(int? number) => number?.ToString("N0", Culture) ?? "–";

    public static string Instant(DateTimeOffset? instant)
    {
        if (instant is null)
        {
            return "–";
        }
        return TimeZoneInfo.ConvertTime(instant.Value, SwedishCalendar.Zone).ToString("yyyy-MM-dd HH:mm:ss", Culture);
    }

    /// <summary>All values of an enum as options, in declaration order, with the Swedish names.</summary>
    public static List<SelectListItem> Options<TEnum>(TEnum? selected = null) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new SelectListItem(v.Name(), v.ToString(), selected is not null && v.Equals(selected.Value)))];
}
