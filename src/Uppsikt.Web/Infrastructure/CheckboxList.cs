using Microsoft.AspNetCore.Mvc.Rendering;

namespace Uppsikt.Web.Infrastructure;

/// <summary>A group of checkboxes posted under one name, shown by <c>_CheckboxList</c> as a fieldset with its legend and error.</summary>
public sealed record CheckboxList(string Name, string Legend, IReadOnlyList<SelectListItem> Items, string? Hint = null)
{
    /// <summary>Every value of an enum, ticked where <paramref name="selected"/> holds it.</summary>
    public static CheckboxList ForEnum<TEnum>(string name, string legend, IEnumerable<TEnum> selected, string? hint = null) where TEnum : struct, Enum
    {
        var chosen = selected.ToHashSet();
        return new(name, legend, [.. Enum.GetValues<TEnum>().Select(v => new SelectListItem(v.Name(), v.ToString(), chosen.Contains(v)))], hint);
    }

    public string IdOf(SelectListItem item) => $"{Name.Replace('.', '_')}-{item.Value}";
}
