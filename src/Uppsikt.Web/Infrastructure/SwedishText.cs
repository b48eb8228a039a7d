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
    public static readonly CultureInfo Culture = SwedishWording.Culture;

    public static string Name(this Enum value) => DisplayNames.Of(value);

    public static string Date(DateOnly? date) => date is { } day ? SwedishWording.Date(day) : "–";

    public static string Number(int? number) => number?.ToString("N0", Culture) ?? "–";

    /// <summary>
    /// Reads a number as a person types it, with a decimal comma or point ("7,5", "7.5") and no thousands separator, the same in
    /// an address as in a form. Empty text is no number (<paramref name="value"/> null) and reads fine; false for anything else.
    /// </summary>
    public static bool TryReadDecimal(string? text, out decimal? value)
    {
        value = null;
        var typed = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(typed))
        {
            return true;
        }
        if (!decimal.TryParse(typed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        value = number;
        return true;
    }

    /// <summary>A score, a weight or hours: at most one decimal, with a decimal comma (12,5).</summary>
    public static string Decimal(decimal value) => value.ToString("0.#", Culture);

    /// <summary>A result or a measured value: at most one decimal, with a decimal comma (82,5).</summary>
    public static string Decimal(double value) => value.ToString("0.#", Culture);

    /// <summary>A 95 % interval as "66,9–88,8", or "–" when there is none.</summary>
    public static string Interval(Domain.Evidence.ConfidenceInterval? interval) =>
        interval is { } i ? $"{Decimal(i.Low)}–{Decimal(i.High)}" : "–";

    /// <summary>
    /// "6 december 2026 kl. 14:05", Swedish time: the one way a moment is shown, written out like <see cref="Date"/> beside it
    /// (never ISO, never seconds).
    /// </summary>
    public static string Instant(DateTimeOffset? instant)
    {
        if (instant is null)
        {
            return "–";
        }
        return TimeZoneInfo.ConvertTime(instant.Value, SwedishCalendar.Zone).ToString("d MMMM yyyy 'kl.' HH:mm", Culture);
    }

    /// <summary>"1 aktivitet", "3 aktiviteter": the count with the singular or the plural form of what is counted.</summary>
    public static string Count(long count, string one, string many) => SwedishWording.Count(count, one, many);

    /// <summary>All values of an enum as options, in declaration order, with the Swedish names.</summary>
    public static List<SelectListItem> Options<TEnum>(TEnum? selected = null) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new SelectListItem(v.Name(), v.ToString(), selected is not null && v.Equals(selected.Value)))];
}
