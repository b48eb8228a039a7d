using System.Text.RegularExpressions;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>The fields of the unit edit page as a browser would send them back, read from the rendered form.</summary>
public sealed partial record UnitEditForm(string Name, string ProviderId, string Ownership, string Version, IReadOnlyList<string> ChoiceSystemIds)
    : IEnumerable<KeyValuePair<string, string>>
{
    public static UnitEditForm From(string html) => new(
        Forms.InputValue(html, "Input.Name") ?? "",
        SelectedOption(html, "Input.ProviderId"),
        SelectedOption(html, "Input.Ownership"),
        Forms.InputValue(html, "Input.Version") ?? throw new InvalidOperationException("The form has no version."),
        [.. CheckedChoice().Matches(html).Select(m => m.Groups["id"].Value)]);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return new("Input.Name", Name);
        yield return new("Input.ProviderId", ProviderId);
        yield return new("Input.Ownership", Ownership);
        yield return new("Input.Version", Version);
        foreach (var id in ChoiceSystemIds)
        {
            yield return new("Input.ChoiceSystemIds", id);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static string SelectedOption(string html, string name)
    {
        var select = Regex.Match(html, $"<select[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline);
        var selected = Regex.Match(select.Groups["options"].Value, "<option selected=\"selected\" value=\"(?<value>[^\"]*)\"");
        return selected.Success ? selected.Groups["value"].Value : "";
    }

    [GeneratedRegex("<input type=\"checkbox\" id=\"choice-[^\"]*\" name=\"Input.ChoiceSystemIds\" value=\"(?<id>[^\"]*)\" checked=\"checked\"")]
    private static partial Regex CheckedChoice();
}
