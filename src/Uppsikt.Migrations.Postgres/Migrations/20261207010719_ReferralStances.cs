using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReferralStances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferralStances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeficiencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Authority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralStances", x => x.Id);
                    table.CheckConstraint("CK_ReferralStances_OneMatter", "(CASE WHEN \"IncidentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ComplaintId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"DeficiencyId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_ReferralStances_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferralStances_Deficiencies_DeficiencyId",
                        column: x => x.DeficiencyId,
                        principalTable: "Deficiencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferralStances_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralStances_ComplaintId_Authority",
                table: "ReferralStances",
                columns: new[] { "ComplaintId", "Authority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralStances_DeficiencyId_Authority",
                table: "ReferralStances",
                columns: new[] { "DeficiencyId", "Authority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralStances_IncidentId_Authority",
                table: "ReferralStances",
                columns: new[] { "IncidentId", "Authority" },
                unique: true);

            // Every stance recorded on an incident moves, with its id, day, author and version; a referral recorded before a
            // motivation was required keeps its reason, or says that it was referred before one was asked for (decision 0029).
            migrationBuilder.Sql("""
                INSERT INTO "ReferralStances" ("Id", "IncidentId", "ComplaintId", "DeficiencyId", "Authority", "Decision", "Motivation", "DecidedOn", "DecidedBy", "Version")
                SELECT "Id", "IncidentId", NULL, NULL, "Authority", "Decision",
                    COALESCE(NULLIF(TRIM("Reason"), ''), 'Anmäld (registrerad innan motivering krävdes).'), "DecidedOn", "DecidedBy", "Version"
                FROM "Referral"
                """);

            migrationBuilder.DropTable(
                name: "Referral");

            // The stored timelines are derived (decision 0027): emptied here, they are rebuilt after the migration with the
            // stances' entries, the moved ones among them.
            migrationBuilder.Sql("""DELETE FROM "UnitTimelineEntries" """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referral",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Authority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referral_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referral_IncidentId_Authority",
                table: "Referral",
                columns: new[] { "IncidentId", "Authority" },
                unique: true);

            // Back to incidents only: their stances return with the motivation as the reason; the other matters' stances are lost.
            migrationBuilder.Sql("""
                INSERT INTO "Referral" ("Id", "IncidentId", "Authority", "Decision", "Reason", "DecidedOn", "DecidedBy", "Version")
                SELECT "Id", "IncidentId", "Authority", "Decision", "Motivation", "DecidedOn", "DecidedBy", "Version"
                FROM "ReferralStances"
                WHERE "IncidentId" IS NOT NULL AND "Authority" IN ('Ivo', 'Police')
                """);

            migrationBuilder.DropTable(
                name: "ReferralStances");

            migrationBuilder.Sql("""DELETE FROM "UnitTimelineEntries" """);
        }
    }
}
