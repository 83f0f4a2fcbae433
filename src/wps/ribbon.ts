/**
 * The WPS 加载项's main page script: WPS loads index.html in the background and calls these from ribbon.xml.
 * The 自评校核 button on the 开始 tab opens the task pane (taskpane.html, from the add-in's own folder), or
 * shows and hides it when it is already open.
 */
interface TaskPane {
  ID: number;
  Visible: boolean;
}
interface WpsGlobal {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane | null;
  PluginStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
}

const KEY = 'selfeval.taskpane';

function wpsGlobal(): WpsGlobal | null {
  return ((globalThis as { wps?: WpsGlobal }).wps ?? null);
}

/** The task pane's address beside this page (file:// when installed offline, the intranet URL when published). */
function paneUrl(): string {
  const here = String((globalThis as { location?: Location }).location?.href ?? '');
  return here.replace(/[^/]*([?#].*)?$/, 'taskpane.html');
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: { Id?: string }): boolean {
    if (control?.Id !== 'selfevalOpen') return true;
    const w = wpsGlobal();
    if (!w) return false;
    const id = Number(w.PluginStorage.getItem(KEY));
    const existing = id ? w.GetTaskPane(id) : null;
    if (existing) existing.Visible = !existing.Visible;
    else {
      const pane = w.CreateTaskPane(paneUrl(), '自评校核');
      w.PluginStorage.setItem(KEY, String(pane.ID));
      pane.Visible = true;
    }
    return true;
  },
  GetImage(): string {
    return 'assets/icon-32.png';
  },
};

(globalThis as { ribbon?: typeof ribbon }).ribbon = ribbon;
