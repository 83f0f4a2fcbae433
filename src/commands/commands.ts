/**
 * The ribbon's function file. The 自评校核 button opens the task pane (a ShowTaskpane action), so no command
 * function is needed; Office still loads this page and waits for Office.onReady.
 */
if (typeof Office !== 'undefined') void Office.onReady();
