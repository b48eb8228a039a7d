namespace Uppsikt.Domain.QualityReports;

/// <summary>
/// The common areas every choice system's quality report asks about ([002] §5.1): volume, documentation, staff, the
/// quality management system, and the content of the service and its changes. A new template starts from these.
/// </summary>
public static class StarterQuestions
{
    public const string Volume = "Volym";
    public const string Documentation = "Dokumentation";
    public const string Staff = "Personal";
    public const string QualitySystem = "Ledningssystem för kvalitet";
    public const string Content = "Innehåll och förändringar";

    public static IEnumerable<TemplateQuestion> For(Guid templateId)
    {
        (string Section, string Code, string Text, QuestionKind Kind, string[] Choices, bool Required, string? WhenCode, string? WhenAnswer)[] rows =
        [
            (Volume, "1.1", "Hur många brukare hade ni i genomsnitt per månad under året?", QuestionKind.Number, [], true, null, null),
            (Volume, "1.2", "Hur många timmar utförde ni under året?", QuestionKind.Number, [], true, null, null),
            (Documentation, "2.1", "Har varje brukare en aktuell genomförandeplan?", QuestionKind.YesNo, [], true, null, null),
            (Documentation, "2.2", "Beskriv varför och vad ni gör för att åtgärda det.", QuestionKind.Text, [], true, "2.1", QuestionVisibility.No),
            (Documentation, "2.3", "Hur dokumenteras den sociala dokumentationen?", QuestionKind.SingleChoice, ["Digitalt verksamhetssystem", "På papper", "Både och"], true, null, null),
            (Staff, "3.1", "Personalens utbildning per yrkesgrupp", QuestionKind.Table, ["Yrkesgrupp", "Antal anställda", "Varav med undersköterskeutbildning"], false, null, null),
            (Staff, "3.2", "Vilka kompetenser har ni utvecklat under året?", QuestionKind.MultipleChoice, ["Demens", "Läkemedel", "Palliativ vård", "Språk (svenska)", "Annat"], false, null, null),
            (QualitySystem, "4.1", "Har ni ett ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9)?", QuestionKind.YesNo, [], true, null, null),
            (QualitySystem, "4.2", "Bifoga er senaste patientsäkerhets- eller kvalitetsberättelse.", QuestionKind.File, [], false, "4.1", QuestionVisibility.Yes),
            (QualitySystem, "4.3", "Hur många avvikelser och klagomål tog ni emot, och vad lärde ni er av dem?", QuestionKind.Text, [], true, null, null),
            (Content, "5.1", "Har verksamheten förändrats under året (ägare, ledning, lokaler, inriktning)?", QuestionKind.YesNo, [], true, null, null),
            (Content, "5.2", "Beskriv förändringarna.", QuestionKind.Text, [], true, "5.1", QuestionVisibility.Yes),
        ];
        return rows.Select((r, i) => new TemplateQuestion
        {
            TemplateId = templateId,
            Position = i + 1,
            Section = r.Section,
            Code = r.Code,
            Text = r.Text,
            Kind = r.Kind,
            Choices = [.. r.Choices],
            Required = r.Required,
            ShownWhenCode = r.WhenCode,
            ShownWhenAnswer = r.WhenAnswer,
        });
    }
}
