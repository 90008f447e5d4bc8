//! The top bar: name, what the page promises, and the page-wide switches.

use super::app::Store;
use super::i18n::Lang;
use super::state::Action;
use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    let store = use_context::<Store>().expect("state context");
    let lang = store.lang();
    let t = lang.text();
    let settings = &store.saved.settings;
    let switch_lang = {
        let store = store.clone();
        let other = if lang == Lang::Fr { Lang::En } else { Lang::Fr };
        Callback::from(move |_| store.dispatch(Action::SetLang(other)))
    };
    let projector = {
        let store = store.clone();
        let on = settings.projector;
        Callback::from(move |_| store.dispatch(Action::SetProjector(!on)))
    };
    let blind = {
        let store = store.clone();
        let on = settings.blind;
        Callback::from(move |_| store.dispatch(Action::SetBlind(!on)))
    };
    let reveal = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Reveal))
    };
    html! {
        <header class="top">
            <h1 class="brand">{ "Prisme" }</h1>
            <p class="tagline">{ t.tagline }</p>
            <p class="privacy" role="note">{ t.privacy }</p>
            <div class="switches">
                <button class="button" onclick={switch_lang} lang={if lang == Lang::Fr { "en" } else { "fr" }}>{ t.language_switch }</button>
                <button class="button" aria-pressed={settings.projector.to_string()} onclick={projector}>{ t.projector }</button>
                <button class="button" aria-pressed={settings.blind.to_string()} onclick={blind}>{ t.blind }</button>
                if settings.blind && !store.revealed {
                    <button class="button primary" onclick={reveal}>{ t.reveal }</button>
                }
            </div>
        </header>
    }
}
