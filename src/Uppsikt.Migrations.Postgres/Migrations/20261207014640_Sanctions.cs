using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Sanctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Sanctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeficiencyIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    AllowedTypes = table.Column<string[]>(type: "text[]", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProposedType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Escalation = table.Column<bool>(type: "boolean", nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProposedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommunicatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessmentComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionParagraph = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecisionCaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FixBy = table.Column<DateOnly>(type: "date", nullable: true),
                    VerificationReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    YearCheckReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, defaultValue: ""),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanctions_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Reviews_VerificationReviewId",
                        column: x => x.VerificationReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Reviews_YearCheckReviewId",
                        column: x => x.YearCheckReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SanctionSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SanctionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SanctionSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SanctionSteps_Sanctions_SanctionId",
                        column: x => x.SanctionId,
                        principalTable: "Sanctions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_ActionPlanId",
                table: "Sanctions",
                column: "ActionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_CommitteeId",
                table: "Sanctions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_ProviderId_State",
                table: "Sanctions",
                columns: new[] { "ProviderId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_UnitId_State",
                table: "Sanctions",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_VerificationReviewId",
                table: "Sanctions",
                column: "VerificationReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_YearCheckReviewId",
                table: "Sanctions",
                column: "YearCheckReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SanctionSteps_SanctionId_OccurredAt",
                table: "SanctionSteps",
                columns: new[] { "SanctionId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SanctionSteps");

            migrationBuilder.DropTable(
                name: "Sanctions");
        }
    }
}
