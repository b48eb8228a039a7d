using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Features.Evidence.Complaints;
using Uppsikt.Web.Features.Evidence.Incidents;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Data;

/// <summary>
/// Fictitious complaints, case workers' observations and incidents on the demo providers' units, dated relative to today so
/// that the states stay as described: one answer overdue, one serious Lex Sarah with its IVO stance, one serious awaiting a stance,
/// a serious complaint with its IVO stance and information handed to the Swedish Tax Agency.
/// Omsorgshuset Hemtjänst Sickla also has a closed history of more than a year, for its timeline.
/// </summary>
public sealed class DemoEvidence(AppDbContext db, FileStore files, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var units = await db.Units.AsNoTracking().Where(u => u.ProviderId != null).ToDictionaryAsync(u => u.Name, u => (u.Id, u.ProviderId), cancellationToken);
        var sickla = units["Omsorgshuset Hemtjänst Sickla (fiktiv)"];
        var sjoutsikten = units["Omsorgshuset Vård- och omsorgsboende Sjöutsikten (fiktiv)"];
        var saltsjobaden = units["Trygga Händer Hemtjänst Saltsjöbaden (fiktiv)"];
        var escort = units["Trygga Händer Ledsagning (fiktiv)"];
        var caseWorkerId = await db.Users.Where(u => u.Email == "handlaggare@uppsikt.example").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);

        var late = Complaint(sickla.Id, today.AddDays(-40), ComplaintChannel.Phone, ComplaintCategory.Timekeeping, Severity.Moderate,
            "Anhörig (fiktiv) berättar att hemtjänsten flera gånger kommit mer än en timme sent till morgonbesöket utan att höra av sig.");
        late.Forward(today.AddDays(-10), today.AddDays(-38));
        var answered = Complaint(sjoutsikten.Id, today.AddDays(-30), ComplaintChannel.Email, ComplaintCategory.Food, Severity.Minor,
            "Synpunkt (fiktiv) om att maten på avdelningen ofta serveras ljummen och att det sällan finns alternativ.");
        answered.Forward(today.AddDays(-9), today.AddDays(-28));
        answered.Answer("Vi har kontaktat den som lämnade synpunkten, bytt värmevagnar och inför ett andra alternativ till lunch (fiktivt svar).", today.AddDays(-12));
        var closed = Complaint(saltsjobaden.Id, today.AddDays(-60), ComplaintChannel.WebForm, ComplaintCategory.Continuity, Severity.Moderate,
            "Brukare (fiktiv) har fått besök av tolv olika medarbetare på två veckor och känner sig otrygg.");
        closed.Forward(today.AddDays(-40), today.AddDays(-58));
        closed.Answer("Vi har infört fasta team om högst fyra medarbetare per brukare och följer upp kontinuiteten varje månad (fiktivt svar).", today.AddDays(-45));
        closed.Close("Åtgärderna bedöms tillräckliga; kontinuiteten följs upp vid nästa kvalitetsgranskning.", today.AddDays(-35));
        var forwarded = Complaint(escort.Id, today.AddDays(-5), ComplaintChannel.ViaCaseWorker, ComplaintCategory.Treatment, Severity.Minor,
            "Handläggaren förmedlar (fiktivt) att en ledsagare upplevts som stressad och otrevlig vid ett läkarbesök.");
        forwarded.Forward(today.AddDays(10), today.AddDays(-3));
        var medicine = Complaint(sickla.Id, today.AddDays(-1), ComplaintChannel.Letter, ComplaintCategory.HealthCare, Severity.Serious,
            "Brev (fiktivt) om att ordinerad medicin inte getts vid två tillfällen under en helg.");
        // The serious complaint: IVO is told; the police stance is still to be taken. The letter also tells of weekend staff paid
        // without pay slips, which is handed to the Swedish Tax Agency (all fictitious).
        medicine.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred,
            "Uteblivna läkemedelsdoser vid upprepade tillfällen kan innebära ett allvarligt missförhållande; IVO underrättas (fiktivt).",
            today, "Klara Kvalitet (fiktiv)", today);
        medicine.RecordStance(ReferralAuthority.TaxAgency, ReferralDecision.Referred,
            "Brevet uppger (fiktivt) att helgpersonalen får kontant lön utan lönebesked. Grundad misstanke om svartlöner; uppgifterna lämnas till Skatteverket.",
            today, "Klara Kvalitet (fiktiv)", today);

        // Sickla's earlier history, so that its timeline reaches back more than a year.
        var lastWinter = Complaint(sickla.Id, today.AddDays(-420), ComplaintChannel.Email, ComplaintCategory.Care, Severity.Moderate,
            "Anhörig (fiktiv) skriver att duschningen flera veckor i rad har ersatts med tvätt vid handfatet.");
        lastWinter.Forward(today.AddDays(-400), today.AddDays(-418));
        lastWinter.Answer("Vi har sett över planeringen så att varje brukare får dusch den dag som står i genomförandeplanen (fiktivt svar).", today.AddDays(-405));
        lastWinter.Close("Svaret och åtgärden bedöms tillräckliga.", today.AddDays(-395));
        var lastSummer = Complaint(sickla.Id, today.AddDays(-240), ComplaintChannel.InPerson, ComplaintCategory.Treatment, Severity.Minor,
            "Brukare (fiktiv) upplever att en sommarvikarie var otrevlig i telefon.");
        lastSummer.Forward(today.AddDays(-225), today.AddDays(-238));
        lastSummer.Answer("Vi har pratat med vikarien och gått igenom vårt bemötandeprogram med alla sommarvikarier (fiktivt svar).", today.AddDays(-230));
        lastSummer.Close("Avslutat efter anordnarens svar.", today.AddDays(-220));
        Observation(sickla.Id, today.AddDays(-300), ComplaintCategory.Food, Severity.Minor,
            "Handläggaren (fiktivt) har sett att matlådorna ofta står kvar oöppnade i kylen hos två brukare.");
        var keys = Incident(sickla.Id, IncidentKind.Deviation, Severity.Moderate, today.AddDays(-480), IncidentReporter.Provider,
            "Nyckel (fiktiv) till en brukares bostad kom bort under en kvällstur; låset byttes samma dag.", "Nycklarna kvitteras nu ut och in i nyckelskåpet (fiktivt).");
        keys.Close("Rutinen för nyckelhantering är ändrad.", today.AddDays(-460));

        Observation(sickla.Id, today.AddDays(-20), ComplaintCategory.Continuity, Severity.Moderate,
            "Flera brukare (fiktivt) nämner vid uppföljningssamtal att de inte vet vem som kommer.");
        Observation(saltsjobaden.Id, today.AddDays(-14), ComplaintCategory.Treatment, Severity.Minor,
            "Genomförandeplanerna är (fiktivt) välskrivna och brukarna känner igen sig i dem.");

        var lexSarah = Incident(sjoutsikten.Id, IncidentKind.LexSarah, Severity.Serious, today.AddDays(-25), IncidentReporter.Provider,
            "Fallolycka (fiktiv) där larmet inte besvarades på 40 minuter. Anmäld enligt lex Sarah.",
            "Larmrutinen är ändrad och nattbemanningen utökad med en person (fiktivt).");
        lexSarah.RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred,
            "Anordnaren har anmält händelsen enligt lex Sarah; kommunen anmäler också brister i larmhanteringen till IVO (fiktivt).",
            today.AddDays(-20), "Klara Kvalitet (fiktiv)", today);
        Incident(saltsjobaden.Id, IncidentKind.Deviation, Severity.Serious, today.AddDays(-6), IncidentReporter.Municipality,
            "Läkemedel (fiktivt) förvarades olåst i brukarens hem under flera dagar.", null, EvidenceSource.CaseWorkerObservation);
        var minor = Incident(sickla.Id, IncidentKind.Deviation, Severity.Minor, today.AddDays(-50), IncidentReporter.Provider,
            "Insats (fiktiv) missades på grund av fel i planeringssystemet.", "Planeringen dubbelkontrolleras varje morgon (fiktivt).");
        minor.Close("Åtgärden är tillräcklig.", today.AddDays(-40));
        Incident(escort.Id, IncidentKind.LexMaria, Severity.Moderate, today.AddDays(-70), IncidentReporter.Provider,
            "Fel dos (fiktiv) av ett läkemedel gavs vid ett tillfälle; ingen bestående skada.", "Signeringslistorna är utbytta (fiktivt).")
            .RecordStance(ReferralAuthority.Ivo, ReferralDecision.Referred, "Vårdgivaren har anmält enligt lex Maria; kommunen underrättar IVO (fiktivt).",
                today.AddDays(-65), "Klara Kvalitet (fiktiv)", today);

        await db.SaveChangesAsync(cancellationToken);

        await Attach(ComplaintsHandler.FileOwnerType, answered.Id, sjoutsikten.ProviderId, "Handlingsplan mat (fiktiv).pdf",
            Pdf("Handlingsplan mat (fiktiv) - Omsorgshuset"), cancellationToken);
        await Attach(IncidentsHandler.FileOwnerType, lexSarah.Id, sjoutsikten.ProviderId, "Utredning lex Sarah (fiktiv).txt",
            Encoding.UTF8.GetBytes("Utredning (fiktiv) av fallolyckan på Sjöutsikten.\nAlla uppgifter är påhittade för demonstration.\n"), cancellationToken);
        await Attach(ComplaintsHandler.FileOwnerType, closed.Id, saltsjobaden.ProviderId, "Kontinuitetsuppföljning (fiktiv).txt",
            Encoding.UTF8.GetBytes("Kontinuitet per brukare, vecka 1-8 (fiktiva siffror): 6, 5, 4, 4, 4, 3, 3, 3 medarbetare.\n"), cancellationToken);

        Complaint Complaint(Guid unitId, DateOnly received, ComplaintChannel channel, ComplaintCategory category, Severity severity, string summary)
        {
            var complaint = new Complaint { UnitId = unitId, ReceivedOn = received, Channel = channel, Category = category, Severity = severity, Summary = summary };
            db.Complaints.Add(complaint);
            return complaint;
        }

        void Observation(Guid unitId, DateOnly observed, ComplaintCategory category, Severity severity, string summary) =>
            db.CaseWorkerObservations.Add(new CaseWorkerObservation
            {
                UnitId = unitId,
                ObservedOn = observed,
                Category = category,
                Severity = severity,
                Summary = summary,
                RecordedBy = "Hanna Handläggare (fiktiv)",
                RecordedById = caseWorkerId,
            });

        Incident Incident(Guid unitId, IncidentKind kind, Severity severity, DateOnly occurred, IncidentReporter reporter, string summary, string? actions,
            EvidenceSource source = EvidenceSource.ProviderReported)
        {
            var incident = new Incident
            {
                UnitId = unitId,
                Kind = kind,
                Severity = severity,
                OccurredOn = occurred,
                ReportedOn = occurred.AddDays(1),
                ReportedBy = reporter,
                Summary = summary,
                Actions = actions,
                Source = source,
            };
            db.Incidents.Add(incident);
            return incident;
        }
    }

    private async Task Attach(string ownerType, Guid ownerId, Guid? providerId, string name, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        var result = await files.StoreAsync(ownerType, ownerId, providerId, name, FileContentCheck.ForExtension(name)!, stream, "Demodata", cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo file {name}: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        }
    }

    /// <summary>A one-page PDF with one line of ASCII text, built by hand with a correct cross-reference table.</summary>
    public static byte[] Pdf(string line)
    {
        var text = line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 14 Tf 72 760 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"));
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
