fn main() {
    console_error_panic_hook::set_once();
    sorot_app::offline::register();
    leptos::mount::mount_to_body(sorot_app::ui::App);
}
