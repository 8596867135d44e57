/**
 * One team member's laptop in the soak: a Chromium in its own network namespace, on the built
 * app served from 127.0.0.1 inside that namespace, driven only through the UI (clicks and key
 * events). Reads back through the app's read-only diagnostics hook (renderer/app/diagnostics.ts)
 * and counts signaling connections by wrapping window.WebSocket before the app loads.
 */
import { expect, type Page } from '@playwright/test';
import type { NetnsLab } from '../netns/netns';
import { completeOnboarding } from '../helpers';
import type { DocDigest, DocFingerprint } from '../../../renderer/app/diagnostics';

/** Markers one laptop types in one trial, one per place it edits. */
export interface TrialMarkers {
  statementStart: string;
  statementMiddle: string;
  statementEnd: string;
  principle: string;
  person: string;
  log: string;
}

export const markerList = (m: TrialMarkers): string[] => [m.statementStart, m.statementMiddle, m.statementEnd, m.principle, m.person, m.log];

/** Where in the statement a word goes. */
export type StatementPart = 'start' | 'middle' | 'end';
export const ALL_PARTS: readonly StatementPart[] = ['start', 'middle', 'end'];

/** The shared things every laptop edits (ids read from the URLs the app navigates to). */
export interface TeamRefs {
  workspaceId: string;
  statementId: string;
  incidentId: string;
}

const CARET_PAUSE_MS = 80;
const WS_COUNT_KEY = 'crisis-room.soak.signalingSockets';

export class Laptop {
  readonly page: Page;
  readonly letter: string;
  readonly appUrl: string;

  private constructor(page: Page, letter: string, appUrl: string) {
    this.page = page;
    this.letter = letter;
    this.appUrl = appUrl;
  }

  /** Launches the laptop's browser in its namespace and opens the app from its own server. */
  static async open(lab: NetnsLab, index: number, name: string, color: string): Promise<Laptop> {
    const appUrl = lab.peers[index]?.appUrl;
    if (!appUrl) throw new Error('the lab has no per-laptop app server (createNetnsLab appDir)');
    const browser = await lab.launch(index);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(
      ([n, c, key]) => {
        try {
          if (!localStorage.getItem('crisis-room.session')) localStorage.setItem('crisis-room.session', JSON.stringify({ state: { language: 'en', userName: n, userColor: c }, version: 1 }));
          localStorage.setItem('crisis-room.diag', '1');
        } catch {
          return; // about:blank and other opaque origins have no storage
        }
        // Every WebSocket to a signaling path counts as one signaling attempt (kept across reloads).
        const Native = window.WebSocket;
        class CountedWebSocket extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            if (String(url).includes('/signal')) sessionStorage.setItem(key, String(Number(sessionStorage.getItem(key) ?? '0') + 1));
          }
        }
        window.WebSocket = CountedWebSocket;
      },
      [name, color, WS_COUNT_KEY] as const,
    );
    await page.goto(appUrl);
    await completeOnboarding(page, { name });
    await page.waitForFunction(() => typeof window.__crisisRoomDiag === 'object');
    return new Laptop(page, String.fromCharCode(65 + index), appUrl);
  }

  /** Navigates inside the app (a hash change: the page, and its sync session, stay). */
  async go(hashPath: string): Promise<void> {
    const url = `${this.appUrl}#/${hashPath}`;
    if (this.page.url() !== url) await this.page.goto(url);
  }

  indicator() {
    return this.page.getByTestId('sync-indicator');
  }

  async signalingAttempts(): Promise<number> {
    return this.page.evaluate((key) => Number(sessionStorage.getItem(key) ?? '0'), WS_COUNT_KEY);
  }

  fingerprint(): Promise<DocFingerprint> {
    return this.page.evaluate(() => window.__crisisRoomDiag!.fingerprint());
  }

  digest(): Promise<DocDigest> {
    return this.page.evaluate(() => window.__crisisRoomDiag!.digest());
  }

  /** Which of `markers` this laptop's copy of the workspace lacks. */
  async missing(markers: string[]): Promise<string[]> {
    const { text } = await this.digest();
    return markers.filter((m) => !text.includes(m));
  }

  // --- Team set-up, as people do it -------------------------------------------------------

  async createWorkspace(name: string): Promise<string> {
    await this.go('');
    await this.page.locator('[data-testid=create-workspace] input').fill(name);
    await this.page.locator('[data-testid=create-workspace] button[type=submit]').click();
    await expect(this.page).toHaveURL(/#\/w\/[^/]+\//);
    return decodeURIComponent(/#\/w\/([^/]+)/.exec(this.page.url())![1]!);
  }

  /** Connects the open workspace to the LAN host by address (team-connection page). */
  async connectToHost(workspaceId: string, address: string): Promise<void> {
    await this.go(`w/${workspaceId}/sync`);
    await this.page.getByRole('textbox', { name: 'Host address' }).fill(address);
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(this.indicator()).toHaveAttribute('data-state', 'alone', { timeout: 15_000 });
  }

  async createInvite(workspaceId: string): Promise<string> {
    await this.go(`w/${workspaceId}/sync`);
    await this.page.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await this.page.getByTestId('invite-code').textContent())!.trim();
    expect(code).toMatch(/^CR3\./);
    return code;
  }

  /** Joins from the workspace list with the invite code (pasted). */
  async joinByInvite(code: string, workspaceId: string): Promise<void> {
    await this.go('');
    const join = this.page.getByTestId('join-invite');
    await join.getByRole('textbox').fill(code);
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`#/w/${workspaceId}/sync`));
  }

  /** A holding statement from the first template, through the statements UI. Returns its id. */
  async createHoldingStatement(workspaceId: string, title: string): Promise<string> {
    await this.go(`w/${workspaceId}/statements`);
    await this.page.getByTestId('new-statement').click();
    await this.page.getByTestId('new-title').fill(title);
    await this.page.getByTestId('create-statement').click();
    await expect(this.page).toHaveURL(new RegExp(`#/w/${workspaceId}/statements/[^/?]+$`));
    await expect(this.page.getByTestId('statement-body')).toBeVisible();
    return decodeURIComponent(/statements\/([^/?]+)$/.exec(this.page.url())![1]!);
  }

  /** Declares an incident (first crisis type) through the incidents UI. Returns its id. */
  async declareIncident(workspaceId: string, title: string): Promise<string> {
    await this.go(`w/${workspaceId}/incidents`);
    await this.page.getByTestId('declare-incident').click();
    await this.page.getByTestId('incident-title').fill(title);
    const firstType = await this.page.getByTestId('incident-type').locator('option').nth(1).getAttribute('value');
    await this.page.getByTestId('incident-type').selectOption(firstType!);
    await this.page.getByTestId('declare-submit').click();
    await expect(this.page.getByTestId('incident-room')).toBeVisible();
    return decodeURIComponent(/incidents\/([^/?]+)/.exec(this.page.url())![1]!);
  }

  // --- Edits during a trial: real key events only -----------------------------------------

  /**
   * Types words at the start (Ctrl+Home), in the middle (end of the first paragraph) and at the
   * end (Ctrl+End) of the statement. Each word goes where nothing follows it but a word that
   * starts with its own first letter, or nothing at all. Why: the editor's Yjs binding turns a
   * keystroke into an insert by diffing old and new text, so a letter typed just before the same
   * letter is recorded one place further on; concurrent words typed at that spot then split the
   * word in two (letters intact, order mixed). That is the binding's behaviour with any text, not
   * a sync loss; the soak keeps it out of its count by where it types (see markersFor).
   */
  async typeInStatement(refs: TeamRefs, m: TrialMarkers, parts: readonly StatementPart[] = ALL_PARTS): Promise<void> {
    await this.go(`w/${refs.workspaceId}/statements/${refs.statementId}`);
    const body = this.page.getByTestId('statement-body');
    await expect(body).toHaveAttribute('contenteditable', 'true');
    await body.click();
    const kb = this.page.keyboard;
    // A person glances at the caret before typing; without the pause a keystroke can beat the
    // editor's reading of the caret the previous key moved.
    const move = async (...keys: string[]) => {
      for (const k of keys) await kb.press(k);
      await this.page.waitForTimeout(CARET_PAUSE_MS);
    };
    if (parts.includes('start')) {
      await move('Control+Home');
      await kb.type(`${m.statementStart} `);
    }
    if (parts.includes('middle')) {
      // Line by line down to the second paragraph, to its start, one step left.
      await move('Control+Home');
      for (let i = 0; i < 12 && (await this.caretParagraph()) < 1; i++) await kb.press('ArrowDown');
      await move('Home', 'ArrowLeft');
      await kb.type(` ${m.statementMiddle}`);
    }
    if (parts.includes('end')) {
      await move('Control+End');
      await kb.type(` ${m.statementEnd}`);
    }
  }

  /** Index of the statement paragraph holding the caret (-1 outside the body). */
  private caretParagraph(): Promise<number> {
    return this.page.evaluate(() => {
      const body = document.querySelector('[data-testid=statement-body]');
      let node = window.getSelection()?.anchorNode ?? null;
      while (node && node.parentNode !== body) node = node.parentNode;
      return node && body ? Array.prototype.indexOf.call(body.children, node) : -1;
    });
  }

  /**
   * Appends a word to this laptop's own principle (principle number `slot`). A principle is one
   * text field (last writer wins), so each laptop keeps to its own: concurrent typing into the
   * same field would lose words by design, not through a sync fault.
   */
  async appendToPrinciple(refs: TeamRefs, slot: number, marker: string): Promise<void> {
    await this.go(`w/${refs.workspaceId}/playbook/principles`);
    const field = this.page.getByTestId('principle').nth(slot).locator('textarea, input').first();
    await field.click();
    await this.page.keyboard.press('Control+End');
    await this.page.waitForTimeout(CARET_PAUSE_MS);
    await this.page.keyboard.type(` ${marker}`);
  }

  /** Adds a person to the first unit of the responsibility map and types their name. */
  async addPerson(refs: TeamRefs, name: string): Promise<void> {
    await this.go(`w/${refs.workspaceId}/roles/people`);
    await this.page.getByTestId('add-member').click();
    // The new person's name field is focused with its default name selected: type over it.
    const focused = this.page.locator('[data-testid=member-name]:focus');
    await expect(focused).toHaveCount(1);
    await this.page.keyboard.type(name);
  }

  /** Writes a decision-log entry in the incident room. */
  async addLogEntry(refs: TeamRefs, text: string): Promise<void> {
    await this.go(`w/${refs.workspaceId}/incidents/${refs.incidentId}`);
    await this.page.getByTestId('log-text').click();
    await this.page.keyboard.type(text);
    await this.page.getByTestId('log-submit').click();
  }
}
