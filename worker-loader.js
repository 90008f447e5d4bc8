// Starts the analysis worker (a classic worker script: no modules needed).
importScripts('./prisme-worker.js');
wasm_bindgen({ module_or_path: './prisme-worker_bg.wasm' });
